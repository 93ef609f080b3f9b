using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>The token as a server, a proxy or a message may spell it, and what the redaction makes of each.</summary>
public class TokenRedactionTests
{
    private const string Token = "ntn_Abc123secretTOKENvalue987xyz";

    private static string Redact(string text) => TokenRedaction.Redact(text, Token);

    private static string JsonEscaped(string text) => string.Concat(text.Select(character => $"\\u{(int)character:x4}"));

    private static string PercentEncoded(string text) => string.Concat(text.Select(character => $"%{(int)character:X2}"));

    [Fact]
    public void TheTokenAsItIsBecomesTheMask()
    {
        Assert.Equal("You sent Bearer *** twice: ***.", Redact($"You sent Bearer {Token} twice: {Token}."));
    }

    [Theory]
    [InlineData("1A2B", "Page 1a2b3c4d and 1A 2B", "Page 1a2b3c4d and 1A 2B")]
    [InlineData("abcdefgh", "a b c d e f g h, ABCDEFGH, abcdefg...", "a b c d e f g h, ABCDEFGH, abcdefg...")]
    [InlineData("abcdefgh", "sent abcdefgh", "sent ***")]
    public void AShortTokenIsCaughtOnlyAsItWasSentSoOrdinaryTextStays(string shortToken, string text, string expected)
    {
        Assert.True(shortToken.Length < TokenRedaction.LooseFrom);
        Assert.Equal(expected, TokenRedaction.Redact(text, shortToken));
    }

    [Fact]
    public void EachCharacterJsonEscapedIsCaught()
    {
        Assert.Equal("bad ***!", Redact($"bad {JsonEscaped(Token)}!"));
        Assert.Equal("bad ***!", Redact($"bad {JsonEscaped(Token).ToUpperInvariant().Replace("\\U", "\\u", StringComparison.Ordinal)}!"));
    }

    [Fact]
    public void OnlySomeCharactersEscapedAsSystemTextJsonWritesThemAreCaught()
    {
        const string token = "abc+def<ghi>jkl&mno'pqr";
        var written = JsonSerializer.Serialize(new { seen = token }, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });

        Assert.Contains("\\u002B", written);
        Assert.Equal("{\"seen\":\"***\"}", TokenRedaction.Redact(written, token));
    }

    [Fact]
    public void PercentEncodedInAnAddressIsCaught()
    {
        Assert.Equal("https://evil.example/login?t=***&next=1", Redact($"https://evil.example/login?t={PercentEncoded(Token)}&next=1"));
        Assert.Equal("?t=***", Redact("?t=" + Uri.EscapeDataString(Token)));
    }

    [Fact]
    public void HtmlEntitiesAreCaught()
    {
        const string token = "a&b<c>d\"e'f-ghijklmn";
        Assert.Equal("<p>***</p>", TokenRedaction.Redact($"<p>{WebUtility.HtmlEncode(token)}</p>", token));
        Assert.Equal("<p>***</p>", Redact($"<p>{string.Concat(Token.Select(c => $"&#{(int)c};"))}</p>"));
        Assert.Equal("<p>***</p>", Redact($"<p>{string.Concat(Token.Select(c => $"&#x{(int)c:x};"))}</p>"));
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    public void AnotherCaseInAnyCultureIsCaught(string culture)
    {
        var cultureInfo = CultureInfo.GetCultureInfo(culture);
        Assert.Equal("bad ***", Redact("bad " + Token.ToUpper(cultureInfo)));
        Assert.Equal("bad ***", Redact("bad " + Token.ToLower(cultureInfo)));
    }

    [Theory]
    [InlineData("\u0130")]
    [InlineData("\u0131")]
    [InlineData("\u212A")]
    [InlineData("\u017F")]
    public void ATokenWhoseFirstLetterComesBackAsANonAsciiCaseIsCaught(string first)
    {
        var token = (first == "\u212A" ? "k" : first == "\u017F" ? "s" : "i") + "ntegration_Secret_0123456789";

        Assert.Equal("bad ***", TokenRedaction.Redact("bad " + first + token.Substring(1).ToUpperInvariant(), token));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" ")]
    [InlineData("\t")]
    [InlineData("\u200B")]
    [InlineData("\\u000D\\u000A")]
    [InlineData("\\n")]
    [InlineData("%0A")]
    [InlineData("&#10;")]
    public void SplitAcrossLinesOrByInvisibleCharactersIsCaught(string separator)
    {
        var split = Token.Substring(0, 9) + separator + Token.Substring(9, 11) + separator + separator + Token.Substring(20);

        Assert.Equal("bad *** here", Redact($"bad {split} here"));
    }

    [Fact]
    public void WhatServerTextShowsOfASplitTokenIsCaught()
    {
        Assert.Equal("bad *** here", Redact(ServerText.Visible($"bad {Token.Substring(0, 8)}\r\n{Token.Substring(8)} here")));
    }

    [Theory]
    [InlineData("...")]
    [InlineData("\u2026")]
    [InlineData("")]
    public void AStartOfTheTokenWhereTheTextWasCutIsCaught(string cutMark)
    {
        Assert.Equal("NOTION_TOKEN=***" + cutMark, Redact("NOTION_TOKEN=" + Token.Substring(0, 24) + cutMark));
        Assert.Equal("NOTION_TOKEN=***" + cutMark, Redact("NOTION_TOKEN=" + Token.Substring(0, TokenRedaction.CutPrefixLength(Token)) + cutMark));
    }

    [Fact]
    public void AShortStartOfTheTokenOrOneTheTextGoesOnAfterIsKept()
    {
        var shortStart = Token.Substring(0, TokenRedaction.CutPrefixLength(Token) - 1) + "...";
        Assert.Same(shortStart, Redact(shortStart));
        var longStart = Token.Substring(0, 20) + " and more";
        Assert.Same(longStart, Redact(longStart));
    }

    [Theory]
    [InlineData("GET v1/users/me -> 200 OK in 12 ms")]
    [InlineData("The answer was 100% right: \\u0041 &amp; %41 \\n\r\n ... …")]
    [InlineData("Seite nicht gefunden: Größe 👍🏽 ページ")]
    [InlineData("")]
    [InlineData("***")]
    public void TextWithoutTheTokenIsKeptAsItIs(string text)
    {
        Assert.Same(text, Redact(text));
    }

    [Fact]
    public void ATokenOfEscapeCharactersIsCaughtAsItIsAndEscaped()
    {
        const string token = "a%41\\u0042&amp;z";
        Assert.Equal("x *** y", TokenRedaction.Redact($"x {token} y", token));
        Assert.Equal("x *** y", TokenRedaction.Redact($"x {JsonEscaped(token)} y", token));
    }

    [Fact]
    public void ALongTextIsRedactedInOnePass()
    {
        var text = string.Concat(Enumerable.Repeat("n\\u006e%6E&#110; ", 50_000)) + Token;

        Assert.EndsWith(" ***", Redact(text));
    }
}
