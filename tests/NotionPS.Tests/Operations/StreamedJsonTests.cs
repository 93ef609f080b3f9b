using System;
using System.IO;
using System.Text;
using System.Text.Json;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>
/// A value longer than the buffer is read in work that grows with its size, not its square: the buffer is filled before
/// the value is parsed again, and doubles once the value fills half of it.
/// </summary>
public sealed class StreamedJsonTests
{
    private const int ValueBytes = 4 * 1024 * 1024;

    /// <summary>
    /// From a stream that gives at most 8 KB a read (as LoneSurrogateEscapes does), a 4 MB value is handed to the reader
    /// again less than twice over (64 KB, 128 KB, ... up to its size, once each); it was handed again after each 8 KB,
    /// about 1 GB in all.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ALargeValueIsReadInLinearWork(bool manySmallValues)
    {
        var text = new StringBuilder(manySmallValues ? "[" : "\"");
        while (text.Length < ValueBytes)
        {
            text.Append(manySmallValues ? "\"item\"," : "abcdefgh");
        }

        var bytes = Encoding.UTF8.GetBytes(manySmallValues ? text.Append("\"last\"]").ToString() : text.Append('"').ToString());
        var stream = new SmallReads(bytes, 8 * 1024);
        var json = new StreamedJson(stream, 64, int.MaxValue, () => new InvalidOperationException("too large"));

        if (manySmallValues)
        {
            using var array = json.ReadItem()!;
            Assert.Equal((ValueBytes / 7) + 2, array.RootElement.GetArrayLength());
        }
        else
        {
            Assert.True(json.Read());
            Assert.Equal(JsonTokenType.String, json.TokenType);
        }

        Assert.False(json.Read());
        Assert.Equal(bytes.Length, stream.BytesGiven);
        Assert.True(json.BytesReadAgain < 2 * bytes.Length, $"{json.BytesReadAgain} bytes were handed to the reader again for a value of {bytes.Length}");
        Assert.True(stream.Reads <= (bytes.Length / (8 * 1024)) + 64, $"{stream.Reads} reads for {bytes.Length} bytes");
    }

    /// <summary>A stream that gives at most a few bytes a read, and counts its reads and the bytes it gave.</summary>
    private sealed class SmallReads(byte[] bytes, int mostPerRead) : MemoryStream(bytes)
    {
        public int Reads { get; private set; }

        public long BytesGiven { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Reads++;
            var read = base.Read(buffer, offset, Math.Min(count, mostPerRead));
            BytesGiven += read;
            return read;
        }
    }
}
