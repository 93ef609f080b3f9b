using System;
using System.IO;
using System.Text.Json;

namespace NotionPS.Operations
{
    /// <summary>
    /// A JSON document read forward from a stream, a token or a value at a time, holding only a buffer: it starts at
    /// 64 KB and grows only to fit the largest single token or value asked for whole (<see cref="ReadItem"/>), up to a
    /// limit, so a document of any size is read in the same memory. Errors are the reader's <see cref="JsonException"/>s,
    /// with the line and position in the whole document.
    /// </summary>
    internal sealed class StreamedJson
    {
        private const int InitialBufferBytes = 64 * 1024;

        private static readonly byte[] Utf8Bom = { 0xEF, 0xBB, 0xBF };

        private readonly Stream stream;
        private readonly int maxBufferBytes;
        private readonly Func<Exception> tooLarge;
        private byte[] buffer;
        private int start;
        private int end;
        private bool finalBlock;
        private bool startChecked;
        private JsonReaderState state;

        /// <param name="maxBufferBytes">The most bytes one token or value asked for whole may hold.</param>
        /// <param name="tooLarge">The error for a token or value larger than that.</param>
        public StreamedJson(Stream stream, int maxDepth, int maxBufferBytes, Func<Exception> tooLarge)
        {
            this.stream = stream;
            this.maxBufferBytes = maxBufferBytes;
            this.tooLarge = tooLarge;
            buffer = new byte[Math.Min(InitialBufferBytes, maxBufferBytes)];
            state = new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth });
        }

        /// <summary>
        /// How many bytes were handed to the reader again because a token or value went on past the buffer: the cost of
        /// reading in blocks, which stays below twice the document's size (the tests hold it there).
        /// </summary>
        internal long BytesReadAgain { get; private set; }

        /// <summary>The token <see cref="Read"/> read last.</summary>
        public JsonTokenType TokenType { get; private set; }

        /// <summary>The depth of that token: 0 for the document's own value, 1 for its properties' names.</summary>
        public int Depth { get; private set; }

        /// <summary>A property name's text, else null.</summary>
        public string? PropertyName { get; private set; }

        /// <summary>Reads the next token; false at the end of the document (after checking nothing follows it).</summary>
        /// <exception cref="JsonException">The text is not JSON, or nests deeper than the limit.</exception>
        public bool Read()
        {
            while (true)
            {
                var reader = NextReader();
                if (reader.Read())
                {
                    TokenType = reader.TokenType;
                    Depth = reader.CurrentDepth;
                    PropertyName = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString() : null;
                    Keep(ref reader);
                    return true;
                }

                if (finalBlock)
                {
                    return false;
                }

                Refill();
            }
        }

        /// <summary>Skips the rest of the object or array whose start <see cref="Read"/> read last; any other token has no rest.</summary>
        public void SkipRest()
        {
            if (TokenType != JsonTokenType.StartObject && TokenType != JsonTokenType.StartArray)
            {
                return;
            }

            var depth = Depth;
            while (true)
            {
                var reader = NextReader();
                while (reader.Read())
                {
                    if ((reader.TokenType == JsonTokenType.EndObject || reader.TokenType == JsonTokenType.EndArray) && reader.CurrentDepth == depth)
                    {
                        TokenType = reader.TokenType;
                        Keep(ref reader);
                        return;
                    }
                }

                // The tokens read so far are done with: only an unfinished one is kept for the next block.
                Keep(ref reader);
                Refill();
            }
        }

        /// <summary>Skips the value that follows a property name, or the next item of an array.</summary>
        public void SkipValue()
        {
            Read();
            SkipRest();
        }

        /// <summary>
        /// The value that follows a property name, or the next item of an array, as a document of its own; null when the
        /// array ends instead (its end is read).
        /// </summary>
        public JsonDocument? ReadItem()
        {
            while (true)
            {
                var reader = NextReader();
                if (reader.Read())
                {
                    if (reader.TokenType == JsonTokenType.EndArray || reader.TokenType == JsonTokenType.EndObject)
                    {
                        TokenType = reader.TokenType;
                        Keep(ref reader);
                        return null;
                    }

                    // False when the value goes on past the buffer: read again from the same place with more of it.
                    if (JsonDocument.TryParseValue(ref reader, out var document))
                    {
                        TokenType = reader.TokenType;
                        Keep(ref reader);
                        return document;
                    }
                }

                Refill();
            }
        }

        private Utf8JsonReader NextReader() => new Utf8JsonReader(new ReadOnlySpan<byte>(buffer, start, end - start), finalBlock, state);

        private void Keep(ref Utf8JsonReader reader)
        {
            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }

        /// <summary>
        /// Moves the unread bytes to the front and fills the rest of the buffer (a stream may give less than asked:
        /// LoneSurrogateEscapes gives 8 KB a read). The buffer doubles once the unread bytes (an unfinished token or value,
        /// parsed again from its start) fill more than half of it, so a value is parsed again only after the buffered part
        /// of it doubled, less than twice its size in all; parsing again after each read was quadratic.
        /// </summary>
        private void Refill()
        {
            if (finalBlock)
            {
                // The reader throws on an unfinished document in the final block; this is never reached with one.
                throw new InvalidOperationException("The JSON document ended while more of it was asked for.");
            }

            var unread = end - start;
            BytesReadAgain += unread;
            if (unread == buffer.Length && buffer.Length >= maxBufferBytes)
            {
                throw tooLarge();
            }

            var kept = unread > buffer.Length / 2 && buffer.Length < maxBufferBytes ? new byte[(int)Math.Min(2L * buffer.Length, maxBufferBytes)] : buffer;
            Buffer.BlockCopy(buffer, start, kept, 0, unread);
            buffer = kept;
            start = 0;
            end = unread;
            while (end < buffer.Length && !finalBlock)
            {
                var read = stream.Read(buffer, end, buffer.Length - end);
                end += read;
                finalBlock = read == 0;
            }

            if (!startChecked && (end >= Utf8Bom.Length || finalBlock))
            {
                // A byte order mark (Notepad writes one) is skipped, as JsonDocument.Parse skips it.
                startChecked = true;
                start = end >= Utf8Bom.Length && buffer[0] == Utf8Bom[0] && buffer[1] == Utf8Bom[1] && buffer[2] == Utf8Bom[2] ? Utf8Bom.Length : 0;
            }
        }
    }
}
