using System;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// A read's -Skip and -First, as counts: which rows are skipped, when the read has its rows, and how many
    /// rows the next page should ask for so that Notion sends no more than are wanted.
    /// </summary>
    internal sealed class RowPaging
    {
        private readonly ulong first;
        private readonly ulong skip;

        /// <param name="first">How many rows to return (ulong.MaxValue for all).</param>
        /// <param name="skip">How many rows to leave out before those.</param>
        public RowPaging(ulong first, ulong skip)
        {
            this.first = first;
            this.skip = skip;
        }

        public ulong Skipped { get; private set; }

        public ulong Returned { get; private set; }

        /// <summary>Whether a limit on the rows returned was given: the next page's size then depends on this one's rows.</summary>
        public bool Limited => first != ulong.MaxValue;

        /// <summary>Whether the wanted rows are all returned, which ends the read.</summary>
        public bool Done => Returned >= first;

        /// <summary>Counts the next row: true when it is returned, false when it is one of those skipped.</summary>
        public bool Take()
        {
            if (Skipped < skip)
            {
                Skipped++;
                return false;
            }

            Returned++;
            return true;
        }

        /// <summary>100, or fewer when fewer rows are still wanted (those to skip included); 0 once the read is done.</summary>
        public int PageSize()
        {
            var wanted = first - Returned;
            var toSkip = skip - Math.Min(Skipped, skip);
            return wanted >= NotionClient.MaximumPageSize || toSkip >= NotionClient.MaximumPageSize
                ? NotionClient.MaximumPageSize
                : (int)Math.Min(NotionClient.MaximumPageSize, wanted + toSkip);
        }
    }
}
