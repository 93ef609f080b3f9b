using System;
using System.IO;
using System.Threading;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A checked local file open for sending: one stream, opened once per upload and known to be the file checked
    /// (<see cref="LocalFile.Open"/>), that every part of the upload and every retry reads from (<see cref="PartStream"/>),
    /// so what is sent is what was checked. Parts read it at their own positions, one read at a time.
    /// </summary>
    internal sealed class SentFile : IDisposable
    {
        private SentFile(LocalFile source, Stream stream)
        {
            Source = source;
            Stream = stream;
        }

        /// <summary>The file as checked: its path and the size the upload was planned for.</summary>
        public LocalFile Source { get; }

        /// <summary>The open file; its position is the reader's who holds <see cref="Turn"/>.</summary>
        public Stream Stream { get; }

        /// <summary>Held for a seek and the read after it.</summary>
        public SemaphoreSlim Turn { get; } = new SemaphoreSlim(1, 1);

        /// <exception cref="NotionFileException">The file was replaced since the check, or is gone or unreadable now.</exception>
        public static SentFile Open(LocalFile file) => new SentFile(file, file.Open());

        public void Dispose()
        {
            Stream.Dispose();
            Turn.Dispose();
        }
    }
}
