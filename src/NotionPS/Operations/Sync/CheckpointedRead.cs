using System;

namespace NotionPS.Operations
{
    /// <summary>
    /// A read of the rows edited since a checkpoint (<see cref="ReadCheckpoint"/>): where it reads from, and whether
    /// the checkpoint moves on to this read's start. It moves only after a complete read; after anything less it keeps
    /// its time, so the next run reads those rows again.
    /// </summary>
    internal sealed class CheckpointedRead
    {
        private bool started;
        private bool fellShort;

        public CheckpointedRead(string path, DateTime? since, DateTime readStart)
        {
            Path = path;
            Since = since;
            ReadStart = readStart;
        }

        public string Path { get; }

        /// <summary>The instant the file holds (UTC), or null when there is no file yet.</summary>
        public DateTime? Since { get; }

        /// <summary>When this read started, on this machine's clock: what the checkpoint gets after a complete read, put on Notion's clock.</summary>
        public DateTime ReadStart { get; }

        /// <summary>Whether the checkpoint moves on to <see cref="ReadStart"/>: something was read, and every read got to its end.</summary>
        public bool Moves => started && !fellShort;

        /// <summary>Whether a read was tried at all: with none, the checkpoint is neither moved nor kept on purpose.</summary>
        public bool Started => started;

        /// <summary>Begins a read of rows edited since the file's instant.</summary>
        /// <exception cref="CheckpointException">The file cannot be read, or holds no time with a zone.</exception>
        public static CheckpointedRead Open(string path)
        {
            // Taken before the first request: a row edited while this read runs is read again next time, never missed.
            var readStart = DateTime.UtcNow;
            return new CheckpointedRead(path, ReadCheckpoint.Load(path), readStart);
        }

        /// <summary>Notes that one read (of one data source) begins.</summary>
        public void ReadBegins() => started = true;

        /// <summary>Notes that a read did not get to its end (an error, a limit on the rows returned, Notion's 10,000-row cap).</summary>
        public void ReadFellShort() => fellShort = true;

        /// <summary>Notes how a read ended: short of its end when it stopped at Notion's cap or at a limit on the rows returned.</summary>
        public void ReadEnded(QueryStop? stop, bool limitReached)
        {
            fellShort |= stop != null || limitReached;
        }

        /// <summary>
        /// Writes <see cref="ReadStart"/> on Notion's clock into the file, when <see cref="Moves"/>: the rows' edit times are
        /// Notion's, so a machine clock ahead of Notion's would put the checkpoint past edits made after the read began.
        /// </summary>
        /// <param name="notionClockAhead">How far Notion's clock is ahead of this machine's (<see cref="Client.NotionClient.NotionClockAhead"/>); null: this machine's time is taken as it is.</param>
        /// <returns>The instant written, or null when the file keeps its time.</returns>
        /// <exception cref="CheckpointException">The file cannot be written (it keeps its old time).</exception>
        public DateTime? MoveWhenComplete(TimeSpan? notionClockAhead)
        {
            if (!Moves)
            {
                return null;
            }

            var instant = ReadStart + (notionClockAhead ?? TimeSpan.Zero);
            ReadCheckpoint.Save(Path, instant);
            return instant;
        }
    }
}
