using System;
using System.Collections;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// A cmdlet's first step with a pipe bind: take what it names, or write one InvalidNotionUrl error for
    /// this input (non-terminating, so the next pipeline item is still processed) and skip it.
    /// </summary>
    internal static class PipeBindErrors
    {
        /// <summary>The database or data source meant, or false after writing the input's InvalidNotionUrl error.</summary>
        public static bool TryTarget(this NotionConnectedCmdlet cmdlet, NotionDatabaseBind bind, out DatabaseTarget target)
        {
            target = bind.Target!;
            return target != null || cmdlet.WriteInvalidId(bind.Rejection!, bind.Input);
        }

        /// <summary>
        /// The database meant, for a cmdlet that needs the database itself; a data source given by its ID
        /// alone names none, and is refused like any other input that names no database.
        /// </summary>
        public static bool TryDatabaseId(this NotionConnectedCmdlet cmdlet, NotionDatabaseBind bind, out string databaseId)
        {
            databaseId = string.Empty;
            if (!cmdlet.TryTarget(bind, out var target))
            {
                return false;
            }

            if (target.DatabaseId == null)
            {
                return cmdlet.WriteInvalidId(DataSourceWithoutDatabase(target.DataSourceId!), bind.Input);
            }

            databaseId = target.DatabaseId;
            return true;
        }

        /// <summary>The page meant, or false after writing the input's InvalidNotionUrl error.</summary>
        public static bool TryPageId(this NotionConnectedCmdlet cmdlet, NotionPageBind bind, out string pageId)
        {
            pageId = bind.PageId!;
            return pageId != null || cmdlet.WriteInvalidId(bind.Rejection!, bind.Input);
        }

        /// <summary>
        /// The ID in a link or ID given as plain text (a block or a discussion, which no object names), or false after
        /// writing the input's InvalidNotionUrl error.
        /// </summary>
        public static bool TryId(this NotionConnectedCmdlet cmdlet, string input, NotionIdSubject subject, out string id)
        {
            var parsed = PipeBindInput.Parse(input, out var rejection, subject);
            id = parsed?.Id!;
            return parsed != null || cmdlet.WriteInvalidId(rejection!, input);
        }

        /// <summary>
        /// The InvalidNotionUrl error for an input that names nothing; for text holding several IDs, its remedy is this
        /// command run for each of them, as it can be pasted: <c>'&lt;id&gt;', '&lt;id&gt;' | Get-NotionPage</c>.
        /// </summary>
        public static ErrorRecord InvalidIdError(this PSCmdlet cmdlet, string rejection, object? input) =>
            NotionErrorRecords.InvalidId(rejection, input, OneByOne(cmdlet, input));

        private static bool WriteInvalidId(this NotionConnectedCmdlet cmdlet, string rejection, object? input)
        {
            cmdlet.WriteError(cmdlet.InvalidIdError(rejection, input));
            return false;
        }

        /// <summary>
        /// This command once for each ID in <paramref name="input"/>, by the pipeline (through ForEach-Object where the
        /// parameter takes no pipeline input), with its other parameters as given; null, leaving the refusal's general
        /// advice (pass one ID at a time), for an input that does not hold several IDs, for a parameter naming where
        /// something is written or a command writing one file (<see cref="RunsPerId"/>), and for a command whose other parameters cannot all be written
        /// back exactly (<see cref="Argument"/>): a command that silently dropped or changed one would do something else.
        /// </summary>
        private static string? OneByOne(PSCmdlet cmdlet, object? input)
        {
            if (!PipeBindInput.IsText(GivenText(input), out var text) || !(NotionIdParser.Parse(text) is RejectedNotionId { Problem: NotionIdProblem.SeveralIds } several))
            {
                return null;
            }

            var invocation = cmdlet.MyInvocation;
            var parameter = invocation.BoundParameters.FirstOrDefault(bound => Holds(bound.Value, input)).Key;
            if (parameter == null || !RunsPerId(cmdlet, parameter))
            {
                return null;
            }

            var others = invocation.BoundParameters.Where(bound => bound.Key != parameter)
                .Select(bound => (bound.Key, Argument: Argument(bound.Value)))
                .ToList();
            if (others.Any(other => other.Argument == null))
            {
                return null;
            }

            var written = string.Concat(others.Select(other => other.Argument!.Length == 0 ? $" -{other.Key}" : $" -{other.Key}{other.Argument}"));
            var ids = string.Join(", ", several.Ids.Select(id => Quoted(id)!));
            var command = invocation.MyCommand.Name;
            return TakesPipelineInput(invocation.MyCommand, parameter)
                ? $"Pass them one at a time, such as through the pipeline: {ids} | {command}{written}"
                : $"Pass them one at a time, such as: {ids} | ForEach-Object {{ {command} -{parameter} $_{written} }}";
        }

        /// <summary>
        /// Whether running the command once per ID does what was meant: it does for what is read or acted on (pages,
        /// rows, databases, comments), not for where something is written (a parent, the database rows go to), which is
        /// one place given wrongly, not several, nor for a command that writes everything it reads to one file (an
        /// export's -Path): each run would write over the last one's file.
        /// </summary>
        private static bool RunsPerId(PSCmdlet cmdlet, string parameter) =>
            parameter != "ParentId" && !(cmdlet is NotionRowWriteCmdlet && parameter == "DatabaseId") && !(cmdlet is ExportNotionDatabaseCommand);

        /// <summary>Whether a bound parameter's value is, or holds, the input (itself or in a pipe bind).</summary>
        private static bool Holds(object? value, object? input) =>
            Equals(GivenText(value), GivenText(input))
            || (value is IEnumerable items && !(value is string) && items.Cast<object?>().Any(item => Holds(item, input)));

        /// <summary>What a pipe bind was given, or the value itself.</summary>
        private static object? GivenText(object? value) => PipeBindInput.Given(value switch
        {
            NotionPageBind bind => bind.Input,
            NotionDatabaseBind bind => bind.Input,
            NotionParentBind bind => bind.Input,
            _ => value,
        });

        /// <summary>
        /// A parameter's value as written after its name on a command line, exactly: "" for a switch that is on,
        /// ":$false" for one that is off, " 'text'" for text (or pipe binds given text) of one line and at most
        /// <see cref="MaxArgumentLength"/> characters, a list of such, an integer, an enum's name; else null.
        /// </summary>
        private static string? Argument(object? value)
        {
            switch (value)
            {
                case SwitchParameter flag:
                    return flag.IsPresent ? string.Empty : ":$false";
                case Enum named:
                    return " " + named.ToString();
                case int _:
                case long _:
                    return " " + ((IFormattable)value!).ToString(null, CultureInfo.InvariantCulture);
            }

            if (PipeBindInput.IsText(GivenText(value), out var text))
            {
                return Quoted(text!) is { } quoted ? " " + quoted : null;
            }

            if (!(value is IEnumerable items) || value is IDictionary)
            {
                return null;
            }

            var arguments = items.Cast<object?>().Select(item => PipeBindInput.IsText(GivenText(item), out var itemText) ? Quoted(itemText!) : null).ToList();
            return arguments.Count > 0 && arguments.All(argument => argument != null) ? " " + string.Join(", ", arguments) : null;
        }

        private static bool TakesPipelineInput(CommandInfo command, string parameter) =>
            command.Parameters.TryGetValue(parameter, out var metadata)
            && metadata.Attributes.OfType<ParameterAttribute>().Any(attribute => attribute.ValueFromPipeline);

        /// <summary>The longest text a suggested command repeats: a longer one is not worth reading in an error.</summary>
        private const int MaxArgumentLength = 300;

        /// <summary>
        /// Text as a PowerShell string that reads back as exactly the text (<see cref="CommandText.Literal"/>); null for text not
        /// worth repeating in a command: longer than <see cref="MaxArgumentLength"/>, or holding a character a message shows
        /// escaped (a control, a line break, a bidi override: <see cref="ServerText.IsToEscape"/>).
        /// </summary>
        private static string? Quoted(string text) =>
            text.Length > MaxArgumentLength || text.Any(ServerText.IsToEscape) ? null : CommandText.Literal(text);

        private static string DataSourceWithoutDatabase(string dataSourceId) =>
            $"'{dataSourceId}' was given as a data source, which names no database. Pass the database's link or ID "
            + "(a data source's DatabaseId property holds it).";
    }
}
