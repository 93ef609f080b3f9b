using System;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>ErrorRecords for the row cmdlets: one per failed row, naming the row, with the input as target.</summary>
    internal static class RowErrors
    {
        public const string MayExistAction =
            "The request may have reached Notion, so the row may exist although this failed. It was not repeated, to avoid a duplicate. "
            + "Run the same command again with -MatchOn <a column that identifies rows> to add only the rows that are missing.";

        public static ErrorRecord ForChoice(DataSourceChoiceException exception, object? target) =>
            NotionErrorRecords.From(exception, target);

        /// <summary>A value that cannot become JSON (it contains itself, is too deep, or is not a finite number).</summary>
        public static ErrorRecord ForInputValue(InputValueException exception, object? target) =>
            new ErrorRecord(exception, exception.ErrorId, exception.ErrorId is "NotionValueTooDeep" or "NotionValueTooLarge" ? ErrorCategory.LimitsExceeded : ErrorCategory.InvalidData, target);

        /// <param name="rowLabel">How the message names the row, such as "Row 17".</param>
        /// <param name="wasCreate">The failed request was a create: say how to re-run it safely.</param>
        public static ErrorRecord ForRow(Exception exception, string rowLabel, object? input, bool wasCreate = false)
        {
            ErrorRecord record;
            switch (exception)
            {
                case RowValueException valueError:
                    record = NotionErrorRecords.From(valueError, input);
                    break;
                case InputValueException inputValue:
                    record = ForInputValue(inputValue, input);
                    break;
                case NothingToWriteException _:
                    record = new ErrorRecord(exception, "NotionRowEmpty", ErrorCategory.InvalidData, input);
                    break;
                case UnknownColumnException unknown:
                    record = NotionErrorRecords.From(unknown, input);
                    break;
                case MatchOnException matchOn:
                    return NotionErrorRecords.ForRow(matchOn, rowLabel, input);
                case DataSourceChoiceException choice:
                    record = ForChoice(choice, input);
                    break;
                case NotionApiException apiError:
                    var mayExist = wasCreate && (apiError.Status == 0 || apiError.Status >= 500);
                    record = NotionCmdletBase.ToErrorRecord(apiError, input, mayExist ? MayExistAction : null);
                    break;
                default:
                    record = new ErrorRecord(exception, "NotionRowFailed", ErrorCategory.NotSpecified, input);
                    break;
            }

            var action = record.ErrorDetails?.RecommendedAction;
            record.ErrorDetails = new ErrorDetails($"{rowLabel}: {record.ErrorDetails?.Message ?? exception.Message}") { RecommendedAction = action };
            return record;
        }
    }

    /// <summary>An input that gives no value for any column that can be written: adding it would make a blank row.</summary>
    internal sealed class NothingToWriteException : Exception
    {
        public NothingToWriteException(string message)
            : base(message)
        {
        }
    }
}
