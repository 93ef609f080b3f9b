using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// A stream read no further than <see cref="Limit"/> bytes (an answer's body as it arrives, a backup file): the read
    /// that would pass it throws the caller's failure instead, so a server that never ends its answer, or a device or a
    /// file still growing, costs at most the limit, never the process's memory. Asks the inner stream for no more than
    /// one byte past the limit, whatever buffer the reader offers, so a stream of exactly the limit ends without an error.
    /// Keeps the first bytes read, if asked, for the debug log. Disposes the inner stream.
    /// </summary>
    internal sealed class BoundedStream : Stream
    {
        private readonly Stream inner;
        private readonly Func<Exception> tooLarge;
        private readonly MemoryStream? start;
        private readonly int startLength;

        public BoundedStream(Stream inner, long limit, Func<Exception> tooLarge, int keepStart = 0)
        {
            this.inner = inner;
            Limit = limit;
            this.tooLarge = tooLarge;
            startLength = keepStart;
            start = keepStart > 0 ? new MemoryStream() : null;
        }

        public long Limit { get; }

        /// <summary>The bytes read so far.</summary>
        public long Total { get; private set; }

        /// <summary>The first bytes read (up to the keepStart given), empty when none were kept.</summary>
        public byte[] Start => start?.ToArray() ?? Array.Empty<byte>();

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(buffer, offset, inner.Read(buffer, offset, Allowed(count)));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(buffer, offset, await inner.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false));

        /// <summary>One byte past the limit is enough to know the answer is longer.</summary>
        private int Allowed(int count) => (int)Math.Min(count, Limit - Total + 1);

        private int Counted(byte[] buffer, int offset, int read)
        {
            if (start != null && start.Length < startLength)
            {
                start.Write(buffer, offset, (int)Math.Min(read, startLength - start.Length));
            }

            Total += read;
            if (Total > Limit)
            {
                throw tooLarge();
            }

            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
