using System;
using System.Globalization;

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

        public override string ToString() =>
            End == null
                ? Start.ToString("s", CultureInfo.InvariantCulture)
                : Start.ToString("s", CultureInfo.InvariantCulture) + " - " + End.Value.ToString("s", CultureInfo.InvariantCulture);
    }
}
