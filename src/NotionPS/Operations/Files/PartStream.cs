using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A window of <see cref="length"/> bytes of a file stream, from where that stream stands when given: one part of
    /// an upload, read as it is sent. Seekable within the window, so the HTTP stack knows its length; reports the
    /// bytes read so far for progress.
    /// </summary>
    internal sealed class PartStream : Stream
    {
        private readonly Stream file;
        private readonly long start;
        private readonly long length;
        private readonly Action<long> bytesRead;

        public PartStream(Stream file, long length, Action<long> bytesRead)
        {
            this.file = file;
            start = file.Position;
            this.length = length;
            this.bytesRead = bytesRead;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => file.Position - start;
            set => file.Position = start + Math.Max(0, Math.Min(value, length));
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = file.Read(buffer, offset, Allowed(count));
            bytesRead(Position);
            return read;
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await file.ReadAsync(buffer, offset, Allowed(count), cancellationToken).ConfigureAwait(false);
            bytesRead(Position);
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin)
        {
            Position = origin == SeekOrigin.Begin ? offset : origin == SeekOrigin.Current ? Position + offset : length + offset;
            return Position;
        }

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Allowed(int count) => (int)Math.Min(count, length - Position);
    }
}
