using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>
    /// An answer's JSON as it arrives, with every lone surrogate escape ("\ud800" without a low surrogate after it,
    /// "\udc00" without a high one before it) replaced by "\ufffd", as a lenient decoder replaces a broken character.
    /// System.Text.Json parses such an escape but throws InvalidOperationException (not a JsonException) when the
    /// string is read, wherever that is: replaced here, every reader of an answer reads it. The replacement has the
    /// escape's length, so the bytes are changed in place; an escape cut by a read is held back until it is whole.
    /// </summary>
    internal sealed class LoneSurrogateEscapes : Stream
    {
        private readonly Stream inner;

        /// <summary>Not pooled: System.Buffers is not among the assemblies the module may reference.</summary>
        private readonly byte[] chunk = new byte[8 * 1024];

        /// <summary>chunk[start, ready) is checked and not yet read; chunk[ready, end) is held back (an escape that may go on).</summary>
        private int start, ready, end;

        private bool innerEnded;

        public LoneSurrogateEscapes(Stream inner)
        {
            this.inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>JSON text as UTF-8 with its lone surrogate escapes replaced: for an answer read as text.</summary>
        public static byte[] Utf8(string json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            Replace(bytes, final: true);
            return bytes;
        }

        /// <summary>
        /// Replaces the lone surrogate escapes in <paramref name="json"/> and says how much of it is decided: all of it
        /// when <paramref name="final"/>, else up to an escape that may go on past its end.
        /// </summary>
        public static int Replace(Span<byte> json, bool final)
        {
            var at = 0;
            while (true)
            {
                var found = json.Slice(at).IndexOf((byte)'\\');
                if (found < 0)
                {
                    return json.Length;
                }

                at += found;
                if (at + 1 < json.Length && json[at + 1] != 'u')
                {
                    // Another escape (\\ included, so the backslash it escapes starts nothing).
                    at += 2;
                    continue;
                }

                if (at + 6 > json.Length)
                {
                    return final ? json.Length : at;
                }

                var unit = CodeUnit(json.Slice(at + 2, 4));
                if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                    var after = json.Slice(at + 6);
                    if (after.Length < 6 && !final)
                    {
                        return at;
                    }

                    if (after.Length >= 6 && after[0] == '\\' && after[1] == 'u' && IsLowSurrogate(CodeUnit(after.Slice(2, 4))))
                    {
                        at += 12;
                        continue;
                    }
                }

                if (unit >= 0xD800 && unit <= 0xDFFF)
                {
                    // Alone: a high one without a low one after it, or a low one no high one took (a pair is passed whole).
                    json[at + 2] = (byte)'f';
                    json[at + 3] = (byte)'f';
                    json[at + 4] = (byte)'f';
                    json[at + 5] = (byte)'d';
                }

                at += 6;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            while (start == ready && !innerEnded)
            {
                Compact();
                Take(inner.Read(chunk, end, chunk.Length - end));
            }

            return Give(buffer, offset, count);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            while (start == ready && !innerEnded)
            {
                Compact();
                Take(await inner.ReadAsync(chunk, end, chunk.Length - end, cancellationToken).ConfigureAwait(false));
            }

            return Give(buffer, offset, count);
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

        /// <summary>-1 for text that is not four hex digits (the parser reports it), else the UTF-16 code unit.</summary>
        private static int CodeUnit(ReadOnlySpan<byte> hex)
        {
            var unit = 0;
            foreach (var digit in hex)
            {
                var value = digit >= '0' && digit <= '9' ? digit - '0'
                    : digit >= 'a' && digit <= 'f' ? digit - 'a' + 10
                    : digit >= 'A' && digit <= 'F' ? digit - 'A' + 10
                    : -1;
                if (value < 0)
                {
                    return -1;
                }

                unit = (unit << 4) | value;
            }

            return unit;
        }

        private static bool IsLowSurrogate(int unit) => unit >= 0xDC00 && unit <= 0xDFFF;

        /// <summary>Moves the held-back bytes (at most 11: a high surrogate escape and part of the one after it) to the front.</summary>
        private void Compact()
        {
            Buffer.BlockCopy(chunk, ready, chunk, 0, end - ready);
            end -= ready;
            start = ready = 0;
        }

        /// <summary>Checks what was just read, with what was held back; at the end nothing is held back.</summary>
        private void Take(int read)
        {
            innerEnded = read == 0;
            end += read;
            ready = start + Replace(chunk.AsSpan(start, end - start), final: innerEnded);
        }

        private int Give(byte[] buffer, int offset, int count)
        {
            var given = Math.Min(count, ready - start);
            Buffer.BlockCopy(chunk, start, buffer, offset, given);
            start += given;
            return given;
        }
    }
}
