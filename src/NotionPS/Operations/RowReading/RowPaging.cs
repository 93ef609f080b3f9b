using System;

namespace NotionPS.Operations
{
    /// <summary>
    /// A read's -Skip and -First, as counts: which rows are skipped, when the read has its rows, and how many
    /// rows a read may still ask Notion for so that Notion sends no more than are wanted.
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

        /// <summary>
        /// The rows a read may still need, those to skip included (<see cref="RowReader.AllRows"/> without -First):
        /// what the next read is given, so that no page of it asks for rows that would not be written.
        /// </summary>
        public long RowsWanted
        {
            get
            {
                var wanted = first - Math.Min(Returned, first);
                var toSkip = skip - Math.Min(Skipped, skip);
                return wanted >= (ulong)RowReader.AllRows || toSkip >= (ulong)RowReader.AllRows - wanted ? RowReader.AllRows : (long)(wanted + toSkip);
            }
        }
    }
}
