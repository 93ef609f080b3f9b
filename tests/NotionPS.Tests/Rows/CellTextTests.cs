using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Cmdlets;
using NotionPS.Rows;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Rows;

/// <summary>
/// The text form of cells (what Export-Csv writes and Add-NotionDatabaseRow reads back), and the shape the
/// same cells keep for PowerShell and ConvertTo-Json.
/// </summary>
public class CellTextTests
{
    private const string AdaId = "c1a55e00-0000-4000-8000-000000000001";
    private const string PageId = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
    private const string OtherPageId = "5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9";

    private static readonly System.Text.Json.JsonSerializerOptions Unescaped = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string[]> TrickyLists => new()
    {
        new[] { "plain" },
        new[] { "semi; colon", "a;b", ";" },
        new[] { "back\\slash", "\\", "\\;", "ends with \\" },
        new[] { "comma, inside", "," },
        new[] { "a", string.Empty, "b" },
        new[] { string.Empty, "a" },
        new[] { "a", string.Empty },
        new[] { string.Empty, string.Empty },
        new[] { " leading", "trailing ", "  both  ", " ", "   ", "\tTab\t" },
        new[] { "naïve ✓", "日本語", "emoji 🎉", "e\u0301" },
        new[] { "two\nlines", "\"quoted\"" },
        Array.Empty<string>(),
    };

    [Theory]
    [MemberData(nameof(TrickyLists))]
    public void AnyListOfTextsComesBackFromItsTextForm(string[] items) =>
        Assert.Equal(items, CellText.Split(CellText.Join(items)));

    [Fact]
    public void ItemsAreJoinedBySemicolonAndSpaceAndEscapedWithABackslash() =>
        Assert.Equal("a; semi\\; colon; back\\\\slash; comma\\, in; \\ padded\\ ", CellText.Join(["a", "semi; colon", "back\\slash", "comma, in", " padded "]));

    [Fact]
    public void AListOfOneEmptyItemIsAnEmptyCellLikeAnEmptyList()
    {
        Assert.Equal(string.Empty, CellText.Join([string.Empty]));
        Assert.Empty(CellText.Split(string.Empty));
        Assert.Empty(CellText.Split("   "));
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("a;b", new[] { "a", "b" })]
    [InlineData("  a ;  b , c ", new[] { "a", "b", "c" })]
    [InlineData("a\\", new[] { "a\\" })]
    public void TypedTextSplitsAtCommasAndSemicolonsAndIsTrimmed(string text, string[] expected) =>
        Assert.Equal(expected, CellText.Split(text));

    [Fact]
    public void BlankItemsAreDroppedWhenWritten() =>
        Assert.Equal(new object[] { "a", "b" }, CellText.Items("a; ; b; "));

    [Fact]
    public void MultiSelectTextIsReadBackIntoItsOptionsSeparatorIncluded() =>
        Assert.Equal(
            """{"multi_select":[{"name":"semi; colon"},{"name":"back\\slash"},{"name":"naïve ✓"}]}""",
            PropertyWriter.ToPropertyValue("Tags", "multi_select", "semi\\; colon; back\\\\slash; naïve ✓").ToJsonString(Unescaped));

    [Fact]
    public void RelationTextIsReadBackIntoPageIds() =>
        Assert.Equal(
            $$"""{"relation":[{"id":"{{PageId}}"},{"id":"{{OtherPageId}}"}]}""",
            PropertyWriter.ToPropertyValue("Parent", "relation", new MultiValue([PageId, OtherPageId]).ToString()).ToJsonString());

    [Theory]
    [InlineData("2026-03-02/2026-03-05", "2026-03-02", "2026-03-05")]
    [InlineData("2026-03-01T09:30:00.000Z/2026-03-01T10:00:00.000Z", "2026-03-01T09:30:00.000Z", "2026-03-01T10:00:00.000Z")]
    [InlineData(" 2026-03-02 / 2026-03-05 ", "2026-03-02", "2026-03-05")]
    public void ADateRangeIsReadBackFromItsIsoText(string text, string start, string end)
    {
        var date = PropertyWriter.ToPropertyValue("Due", "date", text)["date"]!;

        Assert.Equal(start, (string?)date["start"]);
        Assert.Equal(end, (string?)date["end"]);
    }

    [Fact]
    public void ADateRangeExportsAsAnIsoIntervalThatIsReadBackTheSame()
    {
        var range = new NotionDateRange(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal("2026-03-01T09:30:00.000Z/2026-03-02T17:00:00.000Z", range.ToString());
        Assert.Equal(
            PropertyWriter.ToPropertyValue("Due", "date", range).ToJsonString(),
            PropertyWriter.ToPropertyValue("Due", "date", range.ToString()).ToJsonString());
    }

    [Fact]
    public void APeopleCellExportsEmailsAndIdsWhereThereIsNoEmail() =>
        Assert.Equal(
            "ada@acme.example; " + AdaId,
            new NotionUserList([new NotionUser("x", "Ada", "ada@acme.example"), new NotionUser(AdaId, "Bot")]).ToString());

    [Fact]
    public void PeopleGivenByEmailAreWrittenByTheirIds()
    {
        var ids = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["ada@acme.example"] = AdaId };

        var value = PeopleCells.WithIds("Owner", "ADA@acme.example; " + PageId, email => ids.TryGetValue(email, out var id) ? id : null);

        Assert.Equal(
            $$"""{"people":[{"object":"user","id":"{{AdaId}}"},{"object":"user","id":"{{PageId}}"}]}""",
            PropertyWriter.ToPropertyValue("Owner", "people", value).ToJsonString());
    }

    [Fact]
    public void AnUnknownEmailIsARowValueErrorThatSaysToGiveTheId()
    {
        var error = Assert.Throws<RowValueException>(() => PeopleCells.WithIds("Owner", "nobody@acme.example", _ => null));

        Assert.Equal("Owner", error.Column);
        Assert.Contains("'nobody@acme.example'", error.Message);
        Assert.Contains("user ID", error.Message);
    }

    [Fact]
    public void EmailsThatCannotBeLookedUpAreARowValueErrorWithTheReason()
    {
        var error = Assert.Throws<RowValueException>(() => PeopleCells.WithIds("Owner", "ada@acme.example", _ => throw new InvalidOperationException("the workspace's people could not be listed")));

        Assert.Contains("could not be listed", error.Message);
    }

    [Fact]
    public void PeopleWithoutEmailsNeedNoLookup()
    {
        var value = new object[] { AdaId };

        Assert.Same(value, PeopleCells.WithIds("Owner", value, _ => throw new InvalidOperationException("no lookup expected")));
    }

    /// <summary>The same cells in the real PowerShell: lists and a DateTime to scripts and ConvertTo-Json, text to ConvertTo-Csv.</summary>
    [Fact]
    public void CellsAreListsAndDatesToPowerShellAndConvertToJsonButTextToCsv()
    {
        using var session = new ModuleSession();
        var variables = new Dictionary<string, object?>
        {
            ["tags"] = new MultiValue(["a", "semi; colon"]),
            ["owner"] = new NotionUserList([new NotionUser(AdaId, "Ada", "ada@acme.example")]),
            ["due"] = RowObjects.IsoDate(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)),
            ["day"] = RowObjects.IsoDate(new DateTime(2026, 4, 1)),
        };

        var result = session.Run(
            """
            $row = [pscustomobject]@{ Tags = $tags; Owner = $owner; Due = $due; Day = $day }
            $row | ConvertTo-Json -Compress -Depth 3
            ($row | ConvertTo-Csv)[1]
            $row.Tags.Count; $row.Tags[1]; $row.Owner[0].Email; $row.Due -is [datetime]; $row.Due.AddDays(1).Day
            """,
            variables);

        Assert.Empty(result.Errors);
        Assert.Equal(
            [
                $$"""{"Tags":["a","semi; colon"],"Owner":[{"Id":"{{AdaId}}","Name":"Ada","Email":"ada@acme.example"}],"Due":"2026-03-01T09:30:00Z","Day":"2026-04-01T00:00:00"}""",
                "\"a; semi\\; colon\",\"ada@acme.example\",\"2026-03-01T09:30:00.000Z\",\"2026-04-01\"",
                2, "semi; colon", "ada@acme.example", true, 2,
            ],
            result.Output.Select(item => item.BaseObject));
    }

    /// <summary>The ISO text replaces only the argument-less ToString: a script's own formats still work.</summary>
    [Fact]
    public void ADateCellStillFormatsAsAskedWithDateTimesOwnToString()
    {
        using var session = new ModuleSession();
        var result = session.Run(
            """
            $due.ToString()
            $due.ToString('yyyy-MM-dd HH:mm')
            $due.ToString('o', [cultureinfo]::InvariantCulture)
            $due.ToString([cultureinfo]::GetCultureInfo('de-DE'))
            """,
            new Dictionary<string, object?> { ["due"] = RowObjects.IsoDate(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)) });

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["2026-03-01T09:30:00.000Z", "2026-03-01 09:30", "2026-03-01T09:30:00.0000000Z", "01.03.2026 09:30:00"],
            result.Output.Select(item => item.BaseObject));
    }
}
