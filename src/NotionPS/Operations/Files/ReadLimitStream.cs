using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A stream read only up to a number of bytes: one byte more fails the read with the caller's exception, so a
    /// stream that never ends (a device, a file still growing) stops with a clear error instead of filling memory.
    /// </summary>
    internal sealed class ReadLimitStream : Stream
    {
        private readonly Stream inner;
        private readonly long limit;
        private readonly Func<Exception> tooLong;
        private long read;

        /// <param name="tooLong">The exception a read past <paramref name="limit"/> bytes throws.</param>
        public ReadLimitStream(Stream inner, long limit, Func<Exception> tooLong)
        {
            this.inner = inner;
            this.limit = limit;
            this.tooLong = tooLong;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, Allowed(count)));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Counted(await inner.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        // One byte past the limit is asked for, so a stream of exactly the limit ends without an error.
        private int Allowed(int count) => (int)Math.Min(count, limit + 1 - read);

        private int Counted(int bytes)
        {
            read += bytes;
            return read > limit ? throw tooLong() : bytes;
        }
    }
}
