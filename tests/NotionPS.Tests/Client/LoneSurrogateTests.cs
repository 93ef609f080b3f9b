using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>
/// Answers with lone surrogate escapes, which System.Text.Json parses but cannot read as strings (it throws
/// InvalidOperationException): the client reads them with U+FFFD in their place, in names and values, whole or
/// arriving a byte at a time, and leaves real pairs and escaped backslashes alone.
/// </summary>
public class LoneSurrogateTests
{
    /// <summary>JSON text as sent, and the strings it must read as: every name, then every string value, in order.</summary>
    public static TheoryData<string, string[]> Answers => new()
    {
        { """{"\ud800":"a\udc00b"}""", new[] { "\uFFFD", "a\uFFFDb" } },
        { """{"end":"x\ud800"}""", new[] { "end", "x\uFFFD" } },
        { """{"twice":"\ud800\ud800\udc00"}""", new[] { "twice", "\uFFFD\U00010000" } },
        { """{"low first":"\udc00\ud800"}""", new[] { "low first", "\uFFFD\uFFFD" } },
        { """{"pair":"\ud83d\ude00","upper":"\uD83D\uDE00"}""", new[] { "pair", "upper", "\U0001F600", "\U0001F600" } },
        { """{"escaped backslash":"\\ud800","quote":"\"\ud800\\"}""", new[] { "escaped backslash", "quote", "\\ud800", "\"\uFFFD\\" } },
        { """{"not hex":"\u00e9\u0041"}""", new[] { "not hex", "\u00e9A" } },
    };

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task AnAnswerIsReadWithEachLoneSurrogateReplaced(string json, string[] expected)
    {
        foreach (var debug in new[] { false, true })
        {
            using var document = await NewClient(new ScriptedHandler(Ok(json)), new FakeClock()).GetPageAsync("p1", new RecordingLog { IsDebugEnabled = debug }, CancellationToken.None);

            Assert.Equal(expected, Strings(document.RootElement));
        }
    }

    [Theory]
    [MemberData(nameof(Answers))]
    public async Task AnEscapeCutByAReadIsHeldBackUntilItIsWhole(string json, string[] expected)
    {
        using var stream = new LoneSurrogateEscapes(new OneByteAtATime(Encoding.UTF8.GetBytes(json)));

        using var document = await JsonDocument.ParseAsync(stream);

        Assert.Equal(expected, Strings(document.RootElement));
    }

    [Fact]
    public async Task AnErrorAnswerWithALoneSurrogateIsStillNotionsError()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("""{"object":"error","status":400,"code":"validation_error","message":"bad \ud800 value","request_id":"req-\udc00"}"""),
        });

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => NewClient(handler, new FakeClock()).GetPageAsync("p1", new RecordingLog(), CancellationToken.None));

        Assert.Equal(("validation_error", "req-\uFFFD"), (failure.Code, failure.RequestId));
        Assert.Contains("bad \uFFFD value", failure.Message);
    }

    /// <summary>The object's names, then its string values, depth first.</summary>
    private static string[] Strings(JsonElement root) =>
        root.EnumerateObject().Select(property => property.Name)
            .Concat(root.EnumerateObject().Select(property => property.Value.GetString()!))
            .ToArray();

    /// <summary>A stream that gives one byte per read, so every escape is cut by a read somewhere.</summary>
    private sealed class OneByteAtATime(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }
}
