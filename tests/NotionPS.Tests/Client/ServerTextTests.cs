using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Client;

/// <summary>A server's text in an error (code, message, request_id, rate_limit_reason) reaches the terminal without its control characters.</summary>
public class ServerTextTests
{
    [Theory]
    [InlineData("a\u001B[31mred", "a\\u001B[31mred")]
    [InlineData("nul\u0000here", "nul\\u0000here")]
    [InlineData("line1\r\nline2", "line1\\u000D\\u000Aline2")]
    [InlineData("tab\there", "tab\\u0009here")]
    [InlineData("del\u007F c1\u0085 csi\u009B", "del\\u007F c1\\u0085 csi\\u009B")]
    [InlineData("\u202Aembed\u202Boverride\u202C\u202D\u202Eevil", "\\u202Aembed\\u202Boverride\\u202C\\u202D\\u202Eevil")]
    [InlineData("\u2066isolate\u2067\u2068\u2069", "\\u2066isolate\\u2067\\u2068\\u2069")]
    [InlineData("mark\u200E\u200F\u061C", "mark\\u200E\\u200F\\u061C")]
    [InlineData("sep\u2028\u2029", "sep\\u2028\\u2029")]
    public void ControlAndBidiCharactersBecomeVisibleEscapes(string text, string shown)
    {
        Assert.Equal(shown, ServerText.Visible(text));
    }

    [Theory]
    [InlineData("Could not find page with ID: 1c1f.")]
    [InlineData("ページが見つかりません")]
    [InlineData("הדף לא נמצא")]
    [InlineData("لم يتم العثور على الصفحة")]
    [InlineData("Seite nicht gefunden: Größe 👍🏽 👨‍👩‍👧 \uFFFD")]
    [InlineData("")]
    public void OrdinaryTextOfAnyScriptIsKept(string text)
    {
        Assert.Same(text, ServerText.Visible(text));
    }

    [Fact]
    public async Task NotionsCodeMessageRequestIdAndReasonAreShownWithoutControlCharacters()
    {
        var handler = new ScriptedHandler(() => new HttpResponseMessage((System.Net.HttpStatusCode)429)
        {
            Content = new StringContent("{\"object\":\"error\",\"status\":429,\"code\":\"internal\\u001b[31mred\",\"message\":\"line1\\r\\nline2\\u0000\\u202eevil\",\"request_id\":\"r\\u001b2\",\"additional_data\":{\"rate_limit_reason\":\"x\\u001b[2J\"}}"),
        });
        var clock = new FakeClock();
        var client = new NotionClient(Secure("demo-token-full-access"), new NotionClientOptions { MaximumRetryCount = 0 }, clock, new RateLimiter(0, 1, clock), handler);

        var failure = await Assert.ThrowsAsync<NotionApiException>(() => client.SendAsync(HttpMethod.Get, "v1/users/me", null, true, new RecordingLog(), CancellationToken.None));

        Assert.Equal("GET v1/users/me returned 429 internal\\u001B[31mred: line1\\u000D\\u000Aline2\\u0000\\u202Eevil (rate_limit_reason x\\u001B[2J) (request_id r\\u001B2)", failure.Message);
        Assert.Equal(("internal\\u001B[31mred", "line1\\u000D\\u000Aline2\\u0000\\u202Eevil", "r\\u001B2"), (failure.Code, failure.ApiMessage, failure.RequestId));
        Assert.Equal("x\\u001B[2J", failure.RateLimitReason);
        Assert.DoesNotContain(failure.Message, character => char.IsControl(character) || character == '\u202E');
    }
}
