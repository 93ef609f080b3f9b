using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Adds rows to a database from the pipeline (hashtables or objects, such as Import-Csv rows); with -MatchOn, updates the rows that already exist.</para>
    /// <para type="description">
    /// Input properties map to columns by name, ignoring case, and values are converted to each column's type.
    /// A row that cannot be added gets its own error (naming the row, the column and the value, with the input
    /// as the error's target object) and the other rows go on. Columns Notion computes (formula, rollup,
    /// created and edited time) are skipped with a warning. Several requests are kept in flight within
    /// Notion's rate limit; rows are written out in input order.
    /// </para>
    /// <para type="description">
    /// Re-running safely: a create that failed with a server error or a dropped connection may still have
    /// reached Notion, so it is not repeated. Run the same command again with -MatchOn and a column that
    /// identifies rows (a title or an ID column): rows that exist are updated and only missing ones are added.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommon.Add, "NotionDatabaseRow", DefaultParameterSetName = ByDatabase, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Add-NotionDatabaseRow.md")]
    [OutputType(typeof(PSObject))]
    public sealed class AddNotionDatabaseRowCommand : NotionRowWriteCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";

        private readonly HashSet<string> warnedReadOnly = new HashSet<string>(StringComparer.Ordinal);
        private readonly Dictionary<string, Task> lastWorkByKey = new Dictionary<string, Task>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, string> createdByKey = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        private DataSourceSchema? schema;
        private string? matchColumn;
        private int rowNumber;

        /// <summary>The database's ID or URL. Not taken from the pipeline, so piped rows are never added back to where they came from by accident.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNullOrEmpty]
        public string DatabaseId { get; set; } = string.Empty;

        /// <summary>The data source's ID, for a database with several.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>A row: a hashtable or an object whose properties are named like the columns.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Leave out input properties that name no column, instead of refusing the row.</summary>
        [Parameter]
        public SwitchParameter IgnoreUnknownProperty { get; set; }

        /// <summary>A column that identifies rows: a row whose value there already exists is updated instead of added.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        [ValidateNotNullOrEmpty]
        public string? MatchOn { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            schema = ResolveTargetOrThrow(ParameterSetName == ByDataSource ? null : DatabaseId, ParameterSetName == ByDataSource ? DataSourceId : null);
            if (MatchOn != null)
            {
                matchColumn = RowMapping.FindColumn(schema.PropertyTypes, MatchOn);
                if (matchColumn == null || PropertyWriter.IsReadOnly(schema.PropertyTypes[matchColumn]))
                {
                    ThrowTerminatingError(new ErrorRecord(
                        new ArgumentException($"-MatchOn '{MatchOn}' is not a column of \"{schema.Name}\" that can be written. The columns are: {string.Join(", ", schema.PropertyTypes.Keys)}."),
                        "NotionUnknownColumn", ErrorCategory.InvalidArgument, MatchOn));
                }
            }
        }

        private protected override bool WritesRows => true;

        private protected override void Complete(PendingRow item, Task task)
        {
            if (item.Key != null && lastWorkByKey.TryGetValue(item.Key, out var last) && last == task)
            {
                lastWorkByKey.Remove(item.Key);
            }

            base.Complete(item, task);
        }

        protected override void ProcessRecord()
        {
            var input = InputObject!;
            rowNumber++;
            var label = $"Row {rowNumber}";
            RowMapping mapping;
            try
            {
                var members = RowObjects.Members(input);
                label = Label(members);
                mapping = RowMapping.Build(schema!.PropertyTypes, members, RowObjects.IsRow(input), IgnoreUnknownProperty, UserIdByEmail);
                if (mapping.Properties.Count == 0)
                {
                    var ignored = mapping.IgnoredUnknown.Count > 0 ? " (ignored: " + string.Join(", ", mapping.IgnoredUnknown) + ")" : string.Empty;
                    throw new NothingToWriteException(
                        $"Nothing to write: no property of the input names a column of \"{schema.Name}\" that can be written{ignored}, so no blank row is added. The columns are: {string.Join(", ", schema.PropertyTypes.Keys)}.");
                }
            }
            catch (Exception ex) when (ex is RowValueException || ex is UnknownColumnException || ex is InputValueException || ex is NothingToWriteException)
            {
                Work.Add(RowWork.Failed(ex), new PendingRow(label, input, false));
                return;
            }

            WarnOnceAboutReadOnly(mapping);
            if (!ShouldProcess($"{label} of \"{schema.Name}\"", MatchOn == null ? "Add row" : "Add or update row"))
            {
                return;
            }

            var item = new PendingRow(label, input, mayCreate: true);
            Task<PageRow?> task;
            if (matchColumn == null)
            {
                task = CreateAsync(mapping.Properties, CancelOnStop);
            }
            else if (!mapping.Values.TryGetValue(matchColumn, out var keyValue) || PlainValues.IsEmpty(keyValue))
            {
                task = RowWork.Failed(new MatchOnException("NotionMatchOnValueMissing", $"The input has no value for the -MatchOn column '{matchColumn}', so it cannot be matched."));
            }
            else
            {
                // Rows with the same key run one after another, so a key twice in the input is added once.
                item.Key = PlainValues.ToInvariantString(keyValue).Trim();
                var previous = lastWorkByKey.TryGetValue(item.Key, out var last) ? last : Task.CompletedTask;
                task = UpsertAfterAsync(previous, item.Key, keyValue, mapping.Properties, CancelOnStop);
                lastWorkByKey[item.Key] = task;
            }

            Work.Add(task, item);
        }

        /// <summary>The data source rows go to; anything that stops it from being read stops the command, before any row is sent.</summary>
        private DataSourceSchema ResolveTargetOrThrow(string? databaseId, string? dataSourceId)
        {
            var input = databaseId ?? dataSourceId;
            var parsed = NotionIdParser.Parse(input) as ParsedNotionId;
            if (parsed == null)
            {
                var rejected = (RejectedNotionId)NotionIdParser.Parse(input);
                ThrowTerminatingError(new ErrorRecord(new ArgumentException(rejected.Message), InvalidUrlErrorId, ErrorCategory.InvalidArgument, input));
            }

            var id = parsed!.Id;
            try
            {
                return Await(cancellationToken => DataSourceResolver.ResolveAsync(Client, databaseId == null ? null : id, dataSourceId == null ? null : id, Log, cancellationToken));
            }
            catch (NotionApiException ex)
            {
                ThrowTerminatingError(ToErrorRecord(ex, input));
            }
            catch (DataSourceChoiceException ex)
            {
                ThrowTerminatingError(RowErrors.ForChoice(ex, input));
            }

            throw new InvalidOperationException("Unreachable: ThrowTerminatingError throws.");
        }

        private void WarnOnceAboutReadOnly(RowMapping mapping)
        {
            foreach (var column in mapping.SkippedReadOnly)
            {
                if (warnedReadOnly.Add(column))
                {
                    WriteWarning($"Column '{column}' ({schema!.PropertyTypes[column]}) is computed by Notion and cannot be written; its values are skipped.");
                }
            }
        }

        /// <summary>How messages name the row: its position in the input and, when it has one, its title.</summary>
        private string Label(IReadOnlyList<KeyValuePair<string, object?>> members)
        {
            var title = schema!.TitlePropertyName;
            var value = title == null ? null : members.FirstOrDefault(member => string.Equals(member.Key, title, StringComparison.OrdinalIgnoreCase)).Value;
            return PlainValues.IsEmpty(value) || value is IDictionary ? $"Row {rowNumber}" : $"Row {rowNumber} (\"{PlainValues.ToInvariantString(value)}\")";
        }

        private async Task<PageRow?> CreateAsync(JsonObject properties, CancellationToken cancellationToken)
        {
            using (var page = await Client.CreatePageAsync(schema!.Id, properties, Log, cancellationToken).ConfigureAwait(false))
            {
                return await GetNotionDatabaseRowCommand.FullRowAsync(Client, page.RootElement, Log, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<PageRow?> UpsertAfterAsync(Task previous, string key, object? keyValue, JsonObject properties, CancellationToken cancellationToken)
        {
            try
            {
                await previous.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // The earlier row with this key has its own error; this one is matched afresh.
            }

            var existing = createdByKey.TryGetValue(key, out var created) ? created : await FindByKeyAsync(key, keyValue, cancellationToken).ConfigureAwait(false);
            if (existing == null)
            {
                var row = await CreateAsync(properties, cancellationToken).ConfigureAwait(false);
                createdByKey[key] = row!.PageId;
                return row;
            }

            using (var page = await Client.UpdatePageAsync(existing, new JsonObject { ["properties"] = properties }, Log, cancellationToken).ConfigureAwait(false))
            {
                return await GetNotionDatabaseRowCommand.FullRowAsync(Client, page.RootElement, Log, cancellationToken).ConfigureAwait(false);
            }
        }

        /// <summary>The page ID of the one row whose -MatchOn column equals the key, or null when there is none.</summary>
        private async Task<string?> FindByKeyAsync(string key, object? keyValue, CancellationToken cancellationToken)
        {
            var filter = RowFilter.Condition(matchColumn!, schema!.PropertyTypes[matchColumn!], keyValue);
            using (var found = await Client.QueryPageAsync(schema.Id, filter, null, null, 2, Log, cancellationToken).ConfigureAwait(false))
            {
                if (found.Results.Count > 1)
                {
                    throw new MatchOnException("NotionMatchOnAmbiguous", $"More than one row has '{matchColumn}' = '{key}', so -MatchOn cannot tell which to update. Use a column whose values are unique.");
                }

                return found.Results.Count == 1 ? JsonRead.String(found.Results[0], "id") : null;
            }
        }
    }
}
