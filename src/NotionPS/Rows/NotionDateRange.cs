using System;
using NotionPS.Rows;

namespace NotionPS
{
    /// <summary>A date column holding a range (a start and an end); a single date reads as a plain DateTime.</summary>
    public sealed class NotionDateRange
    {
        public NotionDateRange(DateTime start, DateTime? end, string? timeZone = null)
        {
            Start = start;
            End = end;
            TimeZone = timeZone;
        }

        public DateTime Start { get; }

        public DateTime? End { get; }

        /// <summary>The IANA time zone Notion shows the range in, when one was set.</summary>
        public string? TimeZone { get; }

        /// <summary>An ISO 8601 interval, "start/end", as Notion writes each end: what Export-Csv writes and a date column reads back.</summary>
        public override string ToString() =>
            End == null ? PlainValues.FormatDate(Start) : PlainValues.FormatDate(Start) + "/" + PlainValues.FormatDate(End.Value);
    }
}
