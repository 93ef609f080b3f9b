using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;
using NotionPS.Operations;
using NotionPS.Secrets;
using NotionPS.Session;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What the completers share: the connection the command would use, a short time limit on the API
    /// call (Tab must never hang), and quoting. A completer that cannot answer in time offers nothing.
    /// </summary>
    internal static class Completion
    {
        public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

        /// <summary>Vault queries may load SecretManagement and a vault extension first: they get longer.</summary>
        public static readonly TimeSpan VaultTimeLimit = TimeSpan.FromSeconds(5);

        public static NotionConnection? ConnectionFor(IDictionary fakeBoundParameters) =>
            (fakeBoundParameters["Connection"] as PSObject)?.BaseObject as NotionConnection
            ?? fakeBoundParameters["Connection"] as NotionConnection
            ?? ProcessWideConnection.Current;

        /// <summary>Runs a call with a time limit (<see cref="TimeLimit"/> unless given); null when it fails or is too slow.</summary>
        public static T? Within<T>(Func<CancellationToken, Task<T>> call, TimeSpan? timeLimit = null)
            where T : class
        {
            var limitTime = timeLimit ?? TimeLimit;
            using (var limit = new CancellationTokenSource(limitTime))
            {
                try
                {
                    var task = Task.Run(() => call(limit.Token));
                    return task.Wait(limitTime) ? task.Result : null;
                }
                catch (AggregateException)
                {
                    return null;
                }
            }
        }

        /// <summary>
        /// A completion inserting <paramref name="value"/> as one argument, listed and explained with the control characters
        /// of a title or name made visible (<see cref="ServerText.Visible"/>): a line break in a page's title would break
        /// the menu's line, and an escape sequence or a bidi override redraw or reverse it.
        /// </summary>
        public static CompletionResult Result(string value, string listItem, string toolTip)
        {
            // CompletionResult takes no empty text: an empty name is listed as what Tab inserts for it, ''.
            var completionText = Quote(value);
            var shownValue = value.Length == 0 ? completionText : ServerText.Visible(value);
            return new CompletionResult(
                completionText,
                listItem.Length == 0 ? shownValue : ServerText.Visible(listItem),
                CompletionResultType.ParameterValue,
                toolTip.Length == 0 ? shownValue : ServerText.Visible(toolTip));
        }

        /// <summary>
        /// The value bare only when PowerShell certainly reads it back as itself as an argument: only letters, digits, _
        /// and -, a letter or digit first (never a parameter such as -WhatIf, a variable or an expression), and read by the
        /// running PowerShell's own parser as a word (so never a number such as 1kb, 1e3 or 0x10; an ID such as 1a2b... is
        /// one). Anything else as <see cref="CommandText.Literal"/> writes it: on one line, read back as exactly itself.
        /// </summary>
        private static string Quote(string value)
        {
            if (value.Length > 0 && char.IsLetterOrDigit(value[0]) && value.All(c => char.IsLetterOrDigit(c) || c == '-' || c == '_') && IsBareWord(value))
            {
                return value;
            }

            return CommandText.Literal(value);
        }

        private static bool IsBareWord(string value) =>
            Parser.ParseInput("x " + value, out _, out var errors).EndBlock?.Statements is { Count: 1 } statements
            && errors.Length == 0
            && statements[0] is PipelineAst { PipelineElements: { Count: 1 } elements }
            && elements[0] is CommandAst { CommandElements: { Count: 2 } words }
            && words[1] is StringConstantExpressionAst { StringConstantType: StringConstantType.BareWord } word
            && word.Value == value;

        /// <summary>What was typed so far, taken literally (a '[' in a name is not a wildcard), followed by anything.</summary>
        private static WildcardPattern Pattern(string wordToComplete) =>
            new WildcardPattern(WildcardNames.Literal(wordToComplete.Trim('\'', '"')) + "*", WildcardOptions.IgnoreCase | WildcardOptions.CultureInvariant);

        /// <summary>
        /// Candidate names filtered by what was typed, each once, sorted. Names are one ignoring case (vaults, integrations:
        /// PowerShell and SecretManagement take them so), unless <paramref name="caseSensitive"/>: Notion's column names are
        /// two when they differ only in case (Name and name), and each completes as itself, which names it exactly.
        /// </summary>
        public static IEnumerable<CompletionResult> Matching(string wordToComplete, IEnumerable<string>? candidates, bool caseSensitive = false)
        {
            var pattern = Pattern(wordToComplete);
            return (candidates ?? Enumerable.Empty<string>())
                .Where(pattern.IsMatch)
                .Distinct(caseSensitive ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase)
                .OrderBy(candidate => candidate, StringComparer.OrdinalIgnoreCase)
                .ThenBy(candidate => candidate, StringComparer.Ordinal)
                .Select(candidate => Result(candidate, candidate, candidate))
                .ToList();
        }
    }

    /// <summary>Where log lines go when nobody reads them: completers run outside any pipeline.</summary>
    internal sealed class SilentLog : INotionLog
    {
        public static readonly SilentLog Instance = new SilentLog();

        public bool IsVerboseEnabled => false;

        public bool IsDebugEnabled => false;

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
        }
    }

    /// <summary>
    /// Completes column names (for -MatchOn and -Sort) from the schema of the -DatabaseId or -DataSourceId given, kept for
    /// each connection: another token, even at the same address, may not see that database at all.
    /// </summary>
    public sealed class ColumnNameCompleter : IArgumentCompleter
    {
        private static readonly ConditionalWeakTable<NotionConnection, ConcurrentDictionary<string, IReadOnlyList<string>>> ColumnsByConnection =
            new ConditionalWeakTable<NotionConnection, ConcurrentDictionary<string, IReadOnlyList<string>>>();

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            var target = TargetOf(fakeBoundParameters);
            if (connection == null || target == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var columnsById = ColumnsByConnection.GetValue(connection, _ => new ConcurrentDictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase));
            var key = target.ToString();
            if (!columnsById.TryGetValue(key, out var columns))
            {
                var schema = Completion.Within(cancellationToken => new DataSourceResolver(connection.Client, SilentLog.Instance).ResolveAsync(target, cancellationToken));
                if (schema == null)
                {
                    return Array.Empty<CompletionResult>();
                }

                columns = columnsById[key] = schema.Properties.Select(p => p.Name).ToList();
            }

            return Completion.Matching(wordToComplete, columns, caseSensitive: true);
        }

        /// <summary>What -DataSourceId or -DatabaseId names, read as the parameters themselves read it.</summary>
        private static DatabaseTarget? TargetOf(IDictionary fakeBoundParameters)
        {
            var dataSource = fakeBoundParameters["DataSourceId"];
            if (dataSource != null)
            {
                return NotionDatabaseBind.ForDataSourceId((dataSource as PSObject)?.BaseObject?.ToString() ?? dataSource.ToString()).Target;
            }

            var database = fakeBoundParameters["DatabaseId"];
            return database == null ? null : new NotionDatabaseBind(database).Target;
        }
    }

    /// <summary>Completes -DatabaseId from the titles of the databases the integration can see; inserts the ID.</summary>
    public sealed class DatabaseIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var title = wordToComplete.Trim('\'', '"');
            var hits = CompletionSearches.Find(connection, "database", title, async cancellationToken =>
            {
                var page = await new DatabaseSearch(connection.Client, SilentLog.Instance).SearchAsync(title, null, cancellationToken).ConfigureAwait(false);
                return new CompletionSearch(page.Hits.Select(hit => (hit.DatabaseId, hit.Title, "database")).ToList(), page.NextCursor == null);
            });
            if (hits == null)
            {
                return Array.Empty<CompletionResult>();
            }

            return hits
                .GroupBy(found => found.Id)
                .Select(group => group.First())
                .Select(found => Completion.Result(found.Id, string.IsNullOrEmpty(found.Title) ? found.Id : found.Title, found.Title))
                .ToList();
        }
    }

    /// <summary>Completes -Vault with the registered SecretManagement vaults (within the time limit).</summary>
    public sealed class VaultNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            Completion.Matching(wordToComplete, Completion.Within(_ => Task.FromResult(
                VaultCompletion.Query(bridge => bridge.GetVaults().Select(vault => vault.Name))), Completion.VaultTimeLimit));
    }

    /// <summary>Completes -Name with the registrations, in the vault given with -Vault if any (within the time limit).</summary>
    public sealed class IntegrationNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var vault = fakeBoundParameters?["Vault"] as string;
            return Completion.Matching(wordToComplete, Completion.Within(_ => Task.FromResult(
                VaultCompletion.Query(bridge => new IntegrationRegistry(bridge).Find("*", vault, _ => { }).Found.Select(registration => registration.Name))), Completion.VaultTimeLimit));
        }
    }
}
