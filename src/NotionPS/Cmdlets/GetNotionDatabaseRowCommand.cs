using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Gets the rows of a database (a data source) as objects, one page of results at a time.
    /// <para>
    /// Rows stream out as each page of 100 arrives, so memory stays flat however many there are.
    /// Without -Sort, rows come in created order and a read goes on past Notion's 10,000-row cap of a
    /// single query by windows of created time, returning each row once. People, relation and text
    /// values longer than the 25 items a page object carries are read in full from the property endpoint.
    /// A column named like one of the row's own properties (PageId, DatabaseId, DataSourceId, Url,
    /// CreatedTime, LastEditedTime), or like another column but for case (see ColumnNames.OutputNames),
    /// appears as "&lt;name&gt; (column)".
    /// </para>
    /// </summary>
    /// <remarks>
    /// Everything piped binds -DatabaseId, whose bind takes an exact data source over a database when an object
    /// carries both (a database's DataSources, rows). ByDataSource stays the default set, as before.
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "NotionDatabaseRow", DefaultParameterSetName = ByDataSource, SupportsPaging = true, HelpUri = HelpUriBase + "Get-NotionDatabaseRow.md")]
    [OutputType(typeof(Row))]
    public sealed class GetNotionDatabaseRowCommand : NotionConnectedCmdlet
    {
        private const string ByDatabase = "ByDatabase";
        private const string ByDataSource = "ByDataSource";
        private const int ProgressActivityId = 7301;

        private RowPaging? paging;
        private RowDisplay? display;
        private CheckpointedRead? checkpoint;

        /// <summary>The parameter the query is being built from, which names a column error: -Where's pairs, then -Sort.</summary>
        private string parameterBeingRead = "-" + nameof(Where);

        /// <summary>The database (its ID or URL, or an object naming it or one of its data sources). A database with several data sources needs -DataSourceId instead.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByDatabase, ValueFromPipeline = true)]
        [ArgumentCompleter(typeof(DatabaseIdCompleter))]
        [ValidateNotNull]
        public NotionDatabaseBind? DatabaseId { get; set; }

        /// <summary>The data source's ID (Get-NotionDatabase lists a database's data sources).</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByDataSource)]
        [ValidateNotNullOrEmpty]
        public string DataSourceId { get; set; } = string.Empty;

        /// <summary>A filter in Notion's own shape, such as @{ property = 'Done'; checkbox = @{ equals = $true } }.</summary>
        [Parameter]
        public Hashtable? Filter { get; set; }

        /// <summary>The short form: column = value pairs, each an equality by the column's type, all of them must hold; an array of values matches any of them.</summary>
        [Parameter]
        [ValidateNotNull]
        public Hashtable? Where { get; set; }

        /// <summary>Column names (ascending) or sorts in Notion's own shape, such as @{ property = 'Due'; direction = 'descending' }.</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ColumnNameCompleter))]
        public object[]? Sort { get; set; }

        /// <summary>Output the API's page objects instead of rows.</summary>
        [Parameter]
        public SwitchParameter Raw { get; set; }

        /// <summary>Only rows edited at or after this time (from the start of its minute: Notion keeps edit times to the minute). A time without a zone is local.</summary>
        [Parameter]
        public DateTime EditedSince { get; set; }

        /// <summary>Only rows created at or after this time (from the start of its minute: Notion keeps creation times to the minute). A time without a zone is local.</summary>
        [Parameter]
        public DateTime CreatedSince { get; set; }

        /// <summary>
        /// A file holding the time the last complete read started: rows edited since then are read (all rows, or
        /// those since -EditedSince, when the file does not exist yet), and after a complete read the file gets
        /// this read's start time.
        /// </summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Checkpoint { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            paging = new RowPaging(PagingParameters.First, PagingParameters.Skip);
            if (Checkpoint == null)
            {
                return;
            }

            var path = LocalPaths.FileSystemPathOrStop(this, Checkpoint);
            try
            {
                checkpoint = CheckpointedRead.Open(path);
            }
            catch (CheckpointException ex)
            {
                ThrowTerminatingError(NotionErrorRecords.From(ex, Checkpoint));
                return;
            }

            WriteVerbose(checkpoint.Since == null
                ? $"No checkpoint in '{path}' yet: reading {(Given(nameof(EditedSince), EditedSince) == null ? "every row" : "the rows edited since -EditedSince")}."
                : $"Checkpoint '{path}': reading the rows edited since {ReadCheckpoint.Format(checkpoint.Since.Value)} (from the start of that minute).");
        }

        protected override void ProcessRecord()
        {
            var bind = ParameterSetName == ByDataSource ? NotionDatabaseBind.ForDataSourceId(DataSourceId) : DatabaseId!;
            checkpoint?.ReadBegins();
            if (!this.TryTarget(bind, out var target) || Paging.Done)
            {
                checkpoint?.ReadFellShort();
                return;
            }

            var input = bind.Input;

            DataSourceSchema schema;
            RowReader? reader = null;
            try
            {
                // By data source ID, with no -Where or -Sort by column to build from its columns, the first page is
                // asked for along with the data source itself: one round trip less before the first rows.
                var plan = QueryPlan();
                if (target.DataSourceId != null && !plan.NeedsColumns)
                {
                    reader = OpenReader(target.DataSourceId, plan, null);
                }

                schema = RunWithLogPump(cancellationToken => new DataSourceResolver(Client, Log).ResolveAsync(target, cancellationToken));
                reader ??= OpenReader(schema.Id, plan, schema);
            }
            catch (NotionException ex)
            {
                checkpoint?.ReadFellShort();
                reader?.Dispose();

                // A -Where or -Sort that cannot be built is named like a row; anything else (Notion's answer, the data-source choice) as is.
                WriteError(ex is RowValueException || ex is UnknownColumnException || ex is ColumnAmbiguousException
                    ? NotionErrorRecords.ForRow(ex, parameterBeingRead, input)
                    : NotionErrorRecords.From(ex, input, ConnectionFacts()));
                return;
            }

            ReadAll(schema, reader, input);
        }

        private RowPaging Paging => paging!;

        /// <summary>One for all the inputs of this command, so that each data source's display is registered once.</summary>
        private RowDisplay Display => display ??= new RowDisplay(this);

        /// <summary>
        /// A -Sort item as a plain value; a script block (Sort-Object's calculated sort) is kept for the plan to refuse as
        /// no sort (NotionSortInvalid), whose message says what a sort is, rather than as a value that is not data.
        /// </summary>
        private static object? SortItem(object? sort) =>
            (sort is PSObject wrapped ? wrapped.BaseObject : sort) is ScriptBlock script ? script : RowObjects.Plain(sort, nameof(Sort));

        /// <summary>The query's parameters as plain values; the checkpoint's instant, once there is one, stands for -EditedSince.</summary>
        /// <exception cref="InputValueException">A -Filter, -Where or -Sort value contains itself or is nested too deep.</exception>
        private RowQueryPlan QueryPlan() => new RowQueryPlan(
            RowFilterParameters.PlainFilter(Filter),
            RowFilterParameters.WherePairs(Where),
            Sort == null ? Array.Empty<object?>() : Sort.Select(SortItem).ToArray(),
            checkpoint?.Since ?? Given(nameof(EditedSince), EditedSince),
            Given(nameof(CreatedSince), CreatedSince));

        /// <summary>A time parameter's value when it was given, else null.</summary>
        private DateTime? Given(string parameter, DateTime value) => MyInvocation.BoundParameters.ContainsKey(parameter) ? value : (DateTime?)null;

        /// <summary>
        /// Pages through the query (past the 10,000-row cap where it can), writing each page's rows as they
        /// come while the next pages are already on their way (see <see cref="RowReader"/>).
        /// </summary>
        private void ReadAll(DataSourceSchema schema, RowReader reader, object? input)
        {
            var name = schema.Name;
            var progress = new ProgressRecord(ProgressActivityId, $"Reading rows of \"{name}\"", "Starting");
            var read = 0;
            try
            {
                using (reader)
                {
                    while (!Paging.Done)
                    {
                        using (var batch = RunWithLogPump(reader.NextAsync))
                        {
                            if (batch == null)
                            {
                                break;
                            }

                            var rows = Raw ? batch.Rows.Select(RowObjects.FromJson) : RunWithLogPump(cancellationToken => new RowFetcher(Client, Log).FullRowsAsync(batch.Rows, cancellationToken)).Select(Display.ToOutput);
                            try
                            {
                                foreach (var row in rows.TakeWhile(_ => !Paging.Done))
                                {
                                    read++;
                                    WriteRow(row);
                                }
                            }
                            catch
                            {
                                // Stopped downstream (Select-Object -First) or by Ctrl+C: the read ends before this batch gives
                                // its room back, which would wake a reader on this thread to send one more query.
                                reader.Dispose();
                                throw;
                            }
                        }

                        progress.StatusDescription = $"{read} rows read";
                        WriteProgress(progress);
                    }

                    checkpoint?.ReadEnded(reader.Stop, Paging.Done);
                    if (reader.Stop != null)
                    {
                        var remedy = RowRemedies.For(reader.Stop);
                        WriteError(NotionErrorRecords.Create(
                            new InvalidOperationException($"The read of \"{name}\" stopped after {read} rows. {reader.Stop.Message} {remedy}"),
                            NotionErrorIds.NotionQueryCapReached,
                            input,
                            remedy));
                    }
                }
            }
            catch (NotionApiException ex)
            {
                checkpoint?.ReadFellShort();
                WriteError(NotionErrorRecords.From(ex, input, ConnectionFacts()));
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }

        /// <summary>
        /// Starts reading the rows of a data source (asks for the first page); <paramref name="schema"/> is needed only for
        /// -Where and a -Sort by column (<see cref="RowQueryPlan.NeedsColumns"/>).
        /// </summary>
        /// <remarks>With -First (and -Skip) the read asks for no more rows than are still wanted, read ahead and in slices all the same.</remarks>
        private RowReader OpenReader(string dataSourceId, RowQueryPlan plan, DataSourceSchema? schema)
        {
            parameterBeingRead = "-" + nameof(Where);
            var filter = plan.Filter(schema);
            parameterBeingRead = "-" + nameof(Sort);
            return new RowReader(Client, dataSourceId, filter, plan.Sorts(schema), Paging.RowsWanted, Log, CancelOnStop, resumeOnReadingThread: true);
        }

        private void WriteRow(object? row)
        {
            if (Paging.Take())
            {
                WriteObject(row);
            }
        }

        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(Paging.Skipped + Paging.Returned, Paging.Done ? 0.0 : 1.0));
            }

            if (checkpoint != null && checkpoint.Started)
            {
                MoveCheckpoint(checkpoint);
            }
        }

        private void MoveCheckpoint(CheckpointedRead read)
        {
            try
            {
                var notionClockAhead = Client.NotionClockAhead;
                if (read.MoveWhenComplete(notionClockAhead) is DateTime written)
                {
                    WriteVerbose($"Checkpoint '{read.Path}' now holds {ReadCheckpoint.Format(written)}, when this read started " +
                        (notionClockAhead == null ? "by this machine's clock (Notion's answers gave no Date to read Notion's time from)." : "by Notion's clock (from the Date of its answers)."));
                }
                else
                {
                    WriteWarning($"The checkpoint '{read.Path}' keeps its time because the read did not get to its end (an error, -First, or Notion's 10,000-row cap): the next run reads the same rows again.");
                }
            }
            catch (CheckpointException ex)
            {
                WriteError(NotionErrorRecords.From(ex, Checkpoint));
            }
        }
    }
}
