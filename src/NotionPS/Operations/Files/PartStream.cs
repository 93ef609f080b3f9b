using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A window of <see cref="length"/> bytes of a file being sent, from <see cref="start"/>: one part of an upload,
    /// read as it is sent from the one stream every part shares (<see cref="SentFile"/>). Seekable within the window,
    /// so the HTTP stack knows its length; reports the bytes read so far for progress. A file that is no longer the
    /// size it was checked at (cut short or written to while sent) fails the read with NotionFileChangedWhileSent, so
    /// the part is never sent with other bytes than promised. Disposing it leaves the shared stream open.
    /// </summary>
    internal sealed class PartStream : Stream
    {
        private readonly SentFile file;
        private readonly long start;
        private readonly long length;
        private readonly Action<long> bytesRead;
        private long position;

        public PartStream(SentFile file, long start, long length, Action<long> bytesRead)
        {
            this.file = file;
            this.start = start;
            this.length = length;
            this.bytesRead = bytesRead;
        }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = Math.Max(0, Math.Min(value, length));
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var allowed = Allowed(count);
            file.Turn.Wait();
            try
            {
                file.Stream.Position = start + position;
                return Checked(file.Stream.Read(buffer, offset, allowed), allowed);
            }
            finally
            {
                file.Turn.Release();
            }
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var allowed = Allowed(count);
            await file.Turn.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                file.Stream.Position = start + position;
                return Checked(await file.Stream.ReadAsync(buffer, offset, allowed, cancellationToken).ConfigureAwait(false), allowed);
            }
            finally
            {
                file.Turn.Release();
            }
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

        private int Allowed(int count) => (int)Math.Min(count, length - position);

        /// <summary>The bytes read, once the file is known to be still the size it was checked at; called holding the turn.</summary>
        private int Checked(int read, int allowed)
        {
            position += read;
            bytesRead(position);
            var endedEarly = read == 0 && allowed > 0;
            if (endedEarly || (position == length && file.Stream.Length != file.Source.Size))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileChangedWhileSent,
                    $"'{file.Source.Shown}' changed while it was sent: it was {file.Source.Size} bytes when checked and is {file.Stream.Length} bytes now. Nothing was attached; send it again once no program writes to it.");
            }

            return read;
        }
    }
}
