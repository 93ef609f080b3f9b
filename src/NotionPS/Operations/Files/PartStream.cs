using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A window of <see cref="length"/> bytes of a file stream, from where that stream stands when given: one part of
    /// an upload, read as it is sent. Seekable within the window, so the HTTP stack knows its length; reports the
    /// bytes read so far for progress. A file that is no longer the size it was checked at (cut short or written to
    /// while sent) fails the read with NotionFileChangedWhileSent, so the part is never sent with other bytes than promised.
    /// </summary>
    internal sealed class PartStream : Stream
    {
        private readonly Stream file;
        private readonly LocalFile source;
        private readonly long start;
        private readonly long length;
        private readonly Action<long> bytesRead;

        /// <param name="file">The file, open and standing at the part's first byte.</param>
        /// <param name="source">The file as checked: its path and the size the upload was planned for.</param>
        public PartStream(Stream file, LocalFile source, long length, Action<long> bytesRead)
        {
            this.file = file;
            this.source = source;
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
            var allowed = Allowed(count);
            return Checked(file.Read(buffer, offset, allowed), allowed);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var allowed = Allowed(count);
            return Checked(await file.ReadAsync(buffer, offset, allowed, cancellationToken).ConfigureAwait(false), allowed);
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

        /// <summary>The bytes read, once the file is known to be still the size it was checked at.</summary>
        private int Checked(int read, int allowed)
        {
            bytesRead(Position);
            var endedEarly = read == 0 && allowed > 0;
            if (endedEarly || (Position == length && file.Length != source.Size))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileChangedWhileSent,
                    $"'{source.Path}' changed while it was sent: it was {source.Size} bytes when checked and is {file.Length} bytes now. Nothing was attached; send it again once no program writes to it.");
            }

            return read;
        }
    }
}
