using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A title, a data source's name or a column name holding an escape sequence, a NUL, a line break or a bidi override
/// (which Notion stores as given) is quoted in an error with those characters as visible \uXXXX escapes, so it cannot
/// recolour the terminal, hide text or forge a second line, as Notion's own error text cannot (ServerText).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ServerTextInErrorsTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private const string Hostile = "Evil\u001b[2J\0\r\nWARNING: forged\u202Etxt.exe";
    private const string ShownHostile = "Evil\\u001B[2J\\u0000\\u000D\\u000AWARNING: forged\\u202Etxt.exe";

    [Fact]
    public async Task AnUnknownColumnErrorListsAColumnNameWithControlCharactersEscaped()
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile columns", new JsonObject { [Hostile] = new JsonObject { ["type"] = "rich_text" } });
        Connect("2026-03-11");

        var error = Assert.Single(Session.Run("@{ Name = 'x'; Nope = 1 } | Add-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Errors);

        Assert.Equal("NotionUnknownColumn,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        AssertShownSafely(error, ShownHostile);
    }

    [Fact]
    public async Task AValueAColumnCannotTakeNamesTheColumnWithControlCharactersEscaped()
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile number", new JsonObject { [Hostile] = new JsonObject { ["type"] = "number" } });
        Connect("2026-03-11");

        var error = Assert.Single(Session.Run("@{ Name = 'x'; $column = 'not a number' } | Add-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId), ("column", Hostile))).Errors);

        Assert.Equal("NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        AssertShownSafely(error, ShownHostile);
    }

    [Fact]
    public async Task AFilesColumnNotFoundErrorListsAFilesColumnNameWithControlCharactersEscaped()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Hostile files", new JsonObject { [Hostile] = new JsonObject { ["type"] = "files" } });
        var row = Assert.Single(await SeedRowsAsync(dataSourceId, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "x" } }]));
        Connect("2026-03-11");

        var error = Assert.Single(Session.Run("Save-NotionFile -PageId $row -Column Attachments -Destination ([IO.Path]::GetTempPath())", Vars(("row", row))).Errors);

        Assert.Equal("NotionFilesColumnNotFound,NotionPS.Cmdlets.SaveNotionFileCommand", error.FullyQualifiedErrorId);
        AssertShownSafely(error, $"Its files columns: '{ShownHostile}'.");
    }

    [Fact]
    public async Task ADatabaseWithSeveralDataSourcesQuotesItsTitleAndTheirNamesWithControlCharactersEscaped()
    {
        var databaseId = Guid.NewGuid().ToString();
        JsonObject Source(string name) => new() { ["id"] = Guid.NewGuid().ToString(), ["name"] = name, ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["type"] = "title" } } };
        await Emulator.AdminPostAsync("databases", new JsonObject
        {
            ["id"] = databaseId,
            ["title"] = Hostile,
            ["parent"] = TeamHomeId,
            ["dataSources"] = new JsonArray(Source(Hostile + " one"), Source("\u2066Two\u2069")),
        });
        Connect("2026-03-11");

        var error = Assert.Single(Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Errors);

        Assert.Equal("NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        AssertShownSafely(error, $"Database \"{ShownHostile}\"");
        Assert.Contains($"\"{ShownHostile} one\"", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"\\u2066Two\\u2069\"", error.Exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The error's message and what PowerShell shows of it hold the text escaped and no control or bidi character.</summary>
    private static void AssertShownSafely(ErrorRecord error, string escaped)
    {
        foreach (var text in new[] { error.Exception.Message, error.ErrorDetails?.Message ?? error.Exception.Message, error.ToString() })
        {
            Assert.Contains(escaped, text, StringComparison.Ordinal);
            Assert.DoesNotContain(text, character => character < ' ' || character == '\u202E' || character == '\u2066' || character == '\u2069');
        }
    }
}
