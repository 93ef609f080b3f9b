using NotionPS.Client;
using NotionPS.Tests.Errors;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>A value written into a command a message suggests reads back, pasted, as exactly itself.</summary>
public class CommandTextTests
{
    /// <summary>
    /// Values PowerShell would not read back as themselves bare or naively quoted: quotes of every kind (PowerShell ends a ''
    /// string at ‘ ’ ‚ ‛ too), $ and `, numbers, parameters, operators, white space, line breaks and other controls.
    /// </summary>
    public static readonly TheoryData<string> HostileValues = new()
    {
        "Bob's", "Bob’s", "‘curly’", "‚low‛", "\"dq\"", "“dq”„", "$env:HOME", "${x}", "$(Get-Date)", "`x", "a`b", "tick`", "a`$b",
        "1kb", "1e3", "0x10", "42", "5d", "1-2", "1e-5", "2022-06-28", "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6", "-WhatIf", "–WhatIf", "--%", "-",
        "@x", "(x)", "#x", "{x}", "[x]", "a b", " lead", "a,b", "a;b", "a|b", "a&b", "<x", "x>y", "x=1", ".x", "~", "*", "",
        "line\nbreak", "cr\r\n", "tab\there", "esc\u001B[31mred", "nul\u0000", "rtl\u202Eevil", "Été", "C:\\Users\\Bob's files\\[1]",
        "http://127.0.0.1:5000/v1/?a=1&b=$c#frag", "Work", "Due-Date", "A_b",
    };

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void AnArgumentIsBoundAsExactlyTheValue(string value)
    {
        Assert.Equal(value, PastedCommand.Bound(CommandText.Literal(value)));
    }

    [Theory]
    [MemberData(nameof(HostileValues))]
    public void ALiteralIsExactlyTheValueWhereAnExpressionGoes(string value)
    {
        Assert.Equal(value, PastedCommand.Value(CommandText.Literal(value)));
    }

    /// <summary>A message shows no control character raw: in a command it is written as $([char]0x...).</summary>
    [Theory]
    [InlineData("line\nbreak", "\"line$([char]0x000A)break\"")]
    [InlineData("esc\u001B[31m $x `y \"z\"", "\"esc$([char]0x001B)[31m `$x ``y `\"z`\"\"")]
    public void ControlCharactersAreWrittenVisibly(string value, string written)
    {
        Assert.Equal(written, CommandText.Literal(value));
    }

    [Theory]
    [InlineData("Work", "'Work'")]
    [InlineData("Due-Date", "'Due-Date'")]
    [InlineData("Bob's", "'Bob''s'")]
    [InlineData("Bob’s", "'Bob’’s'")]
    [InlineData("1e3", "'1e3'")]
    public void AValueIsSingleQuotedEvenAWordSoAFullStopAfterItStaysOut(string value, string written)
    {
        Assert.Equal(written, CommandText.Literal(value));
    }
}
