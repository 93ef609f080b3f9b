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
        new[] { "Dev\\Ops", "\\\\server\\share\\a.pdf", "C:\\My Files\\", "\\ x" },
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

    /// <summary>A backslash escapes only ';', ',', '\' and white space: any other backslash is typed text, kept.</summary>
    [Theory]
    [InlineData("Dev\\Ops", new[] { "Dev\\Ops" })]
    [InlineData("C:\\temp\\a.txt; b", new[] { "C:\\temp\\a.txt", "b" })]
    [InlineData("\\\\server\\share", new[] { "\\server\\share" })]
    [InlineData("a\\;b; c\\,d; e\\\\f", new[] { "a;b", "c,d", "e\\f" })]
    public void ABackslashIsAnEscapeOnlyBeforeWhatItEscapes(string text, string[] expected) =>
        Assert.Equal(expected, CellText.Split(text));

    /// <summary>A typed text is split; the items of a list are single values already, whatever they hold.</summary>
    [Fact]
    public void TextIsSplitButTheItemsOfAListNever()
    {
        Assert.Equal("""{"multi_select":[{"name":"R&D"},{"name":"Sales"}]}""", PropertyWriter.ToPropertyValue("Tags", "multi_select", "R&D; Sales", RowSource.Given).ToJsonString(Unescaped));
        Assert.Equal("""{"multi_select":[{"name":"R&D; Sales"}]}""", PropertyWriter.ToPropertyValue("Tags", "multi_select", new object[] { "R&D; Sales" }, RowSource.Given).ToJsonString(Unescaped));
        Assert.Equal("""{"multi_select":[{"name":"R&D; Sales"},{"name":"c\\d"}]}""", PropertyWriter.ToPropertyValue("Tags", "multi_select", new object[] { "R&D; Sales", " c\\d ", "" }, RowSource.Given).ToJsonString(Unescaped));
        Assert.Equal(new object[] { "a,b", "c" }, CellText.Items(new MultiValue(["a,b", "c"])));
    }

    /// <summary>
    /// URLs have ';', ',' and '\' of their own but no white space: a files cell splits only at "; " or ", ". Read as a row from
    /// Notion's, where text that is no URL (the UNC path) is kept as a link, never refused or read from disk.
    /// </summary>
    [Theory]
    [InlineData("https://x/a;jsessionid=1", new[] { "https://x/a;jsessionid=1" })]
    [InlineData("https://x/a?q=1,2", new[] { "https://x/a?q=1,2" })]
    [InlineData("\\\\server\\share\\a.pdf", new[] { "\\\\server\\share\\a.pdf" })]
    [InlineData("https://x/a.pdf; https://x/b;v=2.pdf, https://x/c.pdf;", new[] { "https://x/a.pdf", "https://x/b;v=2.pdf", "https://x/c.pdf" })]
    public void AFilesCellSplitsOnlyWhereAUrlCannotGoOn(string text, string[] expected) =>
        Assert.Equal(
            expected,
            PropertyWriter.ToPropertyValue("Attachments", "files", text, RowSource.NotionRow, new FileCellWriting(path => throw new InvalidOperationException("no file is read")))["files"]!
                .AsArray().Select(file => (string?)file!["external"]!["url"]));

    [Fact]
    public void AFilesCellExportsItsUrlsAsTheyAreAndReadsThemBack()
    {
        string[] urls = ["https://x/a;jsessionid=1", "https://x/b?q=1,2", "\\\\server\\share\\c.pdf"];

        var text = MultiValue.OfFiles(urls.Select(url => (url, (string?)null)).ToList()).ToString();

        Assert.Equal("https://x/a;jsessionid=1; https://x/b?q=1,2; \\\\server\\share\\c.pdf", text);
        Assert.Equal(urls, CellText.SplitUrls(text));
    }

    [Fact]
    public void BlankItemsAreDroppedWhenWritten() =>
        Assert.Equal(new object[] { "a", "b" }, CellText.Items("a; ; b; "));

    [Fact]
    public void MultiSelectTextIsReadBackIntoItsOptionsSeparatorIncluded() =>
        Assert.Equal(
            """{"multi_select":[{"name":"semi; colon"},{"name":"back\\slash"},{"name":"naïve ✓"}]}""",
            PropertyWriter.ToPropertyValue("Tags", "multi_select", "semi\\; colon; back\\\\slash; naïve ✓", RowSource.Given).ToJsonString(Unescaped));

    [Fact]
    public void RelationTextIsReadBackIntoPageIds() =>
        Assert.Equal(
            $$"""{"relation":[{"id":"{{PageId}}"},{"id":"{{OtherPageId}}"}]}""",
            PropertyWriter.ToPropertyValue("Parent", "relation", new MultiValue([PageId, OtherPageId]).ToString(), RowSource.Given).ToJsonString());

    [Theory]
    [InlineData("2026-03-02/2026-03-05", "2026-03-02", "2026-03-05")]
    [InlineData("2026-03-01T09:30:00.000Z/2026-03-01T10:00:00.000Z", "2026-03-01T09:30:00.000Z", "2026-03-01T10:00:00.000Z")]
    [InlineData(" 2026-03-02 / 2026-03-05 ", "2026-03-02", "2026-03-05")]
    public void ADateRangeIsReadBackFromItsIsoText(string text, string start, string end)
    {
        var date = PropertyWriter.ToPropertyValue("Due", "date", text, RowSource.Given)["date"]!;

        Assert.Equal(start, (string?)date["start"]);
        Assert.Equal(end, (string?)date["end"]);
    }

    [Fact]
    public void ADateRangeExportsAsAnIsoIntervalThatIsReadBackTheSame()
    {
        var range = new NotionDateRange(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal("2026-03-01T09:30:00.000Z/2026-03-02T17:00:00.000Z", range.ToString());
        Assert.Equal(
            PropertyWriter.ToPropertyValue("Due", "date", range, RowSource.Given).ToJsonString(),
            PropertyWriter.ToPropertyValue("Due", "date", range.ToString(), RowSource.Given).ToJsonString());
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
            PropertyWriter.ToPropertyValue("Owner", "people", value, RowSource.Given).ToJsonString());
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

    /// <summary>A cell list is a list to PowerShell: Length is its count (not each item's length), -contains and "$()" see the items.</summary>
    [Fact]
    public void ACellListIsAListToPowerShell()
    {
        using var session = new ModuleSession();
        var result = session.Run(
            """
            $row = [pscustomobject]@{ Tags = $tags; Owner = $owner }
            $row.Tags.Length; $row.Owner.Length; $row.Tags -contains 'semi; colon'; $row.Tags -contains 'semi'; "$($row.Tags)"; $row.Tags.ToString()
            """,
            new Dictionary<string, object?>
            {
                ["tags"] = new MultiValue(["alpha", "semi; colon"]),
                ["owner"] = new NotionUserList([new NotionUser(AdaId, "Ada", "ada@acme.example")]),
            });

        Assert.Empty(result.Errors);
        Assert.Equal([2, 1, true, false, "alpha semi; colon", "alpha; semi\\; colon"], result.Output.Select(item => item.BaseObject));
    }

    /// <summary>PowerShell passes ToString($null) as a null argument array: it is DateTime's ToString(null).</summary>
    [Fact]
    public void ADateCellTakesANullFormat()
    {
        using var session = new ModuleSession();
        var result = session.Run(
            "$due.ToString($null); $due.PSObject.BaseObject.ToString($null)",
            new Dictionary<string, object?> { ["due"] = RowObjects.IsoDate(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)) });

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Output.Count);
        Assert.Equal(result.Output[1].BaseObject, result.Output[0].BaseObject);
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
