using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A URL with a user name or password is refused by every command that would store it in Notion for every reader of the
/// page, as NotionUrlCredentialsRefused, before the request that would store it, and no stream shows the password.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class UrlCredentialsTests : RowsTestBase
{
    private const string Password = "s3cret";

    public UrlCredentialsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>Browsers read https:///ada:s3cret@host as https://ada:s3cret@host (WHATWG: any run of slashes after a special scheme).</summary>
    [Theory]
    [InlineData("https://")]
    [InlineData("https:///")]
    public async Task MarkdownCommentsIconsCoversAndFilesCellsRefuseAUrlWithAPassword(string start)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Credentials", new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } });
        Connect("2026-03-11");
        var vars = Vars(("parent", TeamHomeId), ("db", databaseId), ("url", $"{start}ada:{Password}@e.example/a.png"));
        var before = (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var written = Session.Run(
            """
            New-NotionPage -ParentId $parent -Title 'Never' -Markdown "# Logo`n`n![logo]($url)"
            Set-NotionPageContent -PageId $parent -Markdown "see [it]($url)" -Append
            Add-NotionComment -PageId $parent -Text "see [it]($url)"
            """,
            vars);
        var requestsAfterContent = (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;
        var icon = RunExpectingTerminatingError("New-NotionPage -ParentId $parent -Title 'Never' -Icon $url", vars);
        var cover = RunExpectingTerminatingError("Set-NotionPage -PageId $parent -Cover $url", vars);
        var row = Session.Run("@{ Name = 'Never'; Attachments = $url } | Add-NotionDatabaseRow -DatabaseId $db", vars);

        Assert.Equal(before, requestsAfterContent);
        Assert.Equal(
            new[] { "NewNotionPageCommand", "SetNotionPageContentCommand", "AddNotionCommentCommand" }.Select(command => $"NotionUrlCredentialsRefused,NotionPS.Cmdlets.{command}"),
            written.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal("NotionUrlCredentialsRefused,NotionPS.Cmdlets.NewNotionPageCommand", icon.FullyQualifiedErrorId);
        Assert.Equal("NotionUrlCredentialsRefused,NotionPS.Cmdlets.SetNotionPageCommand", cover.FullyQualifiedErrorId);
        Assert.Equal("NotionUrlCredentialsRefused,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", Assert.Single(row.Errors).FullyQualifiedErrorId);
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
        var errors = written.Errors.Append(icon).Append(cover).Append(row.Errors.Single()).ToList();
        Assert.All(errors, error => Assert.Equal(System.Management.Automation.ErrorCategory.InvalidArgument, error.CategoryInfo.Category));
        Assert.All(errors, error => Assert.Contains($"{start}***@e.example/a.png", error.ToString(), StringComparison.Ordinal));
        Assert.All(errors, error => Assert.DoesNotContain(Password, error.ToString() + error.ErrorDetails?.Message + error.ErrorDetails?.RecommendedAction + error.Exception.Message, StringComparison.Ordinal));
    }

    /// <summary>
    /// One rule in url and files columns for every command that writes rows: a row read from Notion (Add, Set and Sync
    /// alike) and a JSON backup are Notion's own data and keep the URL Notion held, credentials included; what the user
    /// gives (a hashtable, New-NotionPage -Property, Set -Property, a CSV file, even one Export-NotionDatabase wrote) is
    /// anyone's data and refused, and no error quotes the password.
    /// </summary>
    [Fact]
    public async Task RowObjectsAndBackupsKeepUrlsNotionHeldAndUserInputIsRefusedInUrlAndFilesColumns()
    {
        var url = $"https://ada:{Password}@e.example/a.pdf";
        var columns = new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } };
        var (source, sourceDataSource) = await NewDatabaseAsync("Held by Notion", columns);
        var (target, targetDataSource) = await NewDatabaseAsync("Copies", (JsonObject)columns.DeepClone());
        await SeedRowsAsync(sourceDataSource, [new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["Name"] = "Held",
                ["Link"] = url,
                ["Attachments"] = new JsonArray(new JsonObject { ["name"] = "a.pdf", ["type"] = "external", ["external"] = new JsonObject { ["url"] = url } }),
            },
        }]);
        Connect("2026-03-11");
        var folder = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "NotionPS.Tests", "credentials-" + Guid.NewGuid().ToString("N"))).FullName;
        try
        {
            var vars = Vars(("from", source), ("to", target), ("url", url), ("json", System.IO.Path.Combine(folder, "backup.json")), ("csv", System.IO.Path.Combine(folder, "given.csv")));

            var kept = Session.Run(
                """
                $held = Get-NotionDatabaseRow -DatabaseId $from
                $held | Sync-NotionDatabaseRow -DatabaseId $to -Key Name -Property Link, Attachments -Confirm:$false
                $held | Add-NotionDatabaseRow -DatabaseId $to | Out-Null
                $held | Set-NotionDatabaseRow
                Export-NotionDatabase -DatabaseId $from -Path $json
                Import-NotionDatabase -Path $json -DatabaseId $to
                """,
                vars);
            var copies = await Emulator.QueryRowsAsync(targetDataSource, string.Empty);
            var given = Session.Run(
                """
                @{ Name = 'Given'; Link = $url } | Add-NotionDatabaseRow -DatabaseId $to
                @{ Name = 'Given'; Link = $url } | Sync-NotionDatabaseRow -DatabaseId $from -Key Name -Confirm:$false
                @{ Name = 'Given'; Attachments = $url } | Sync-NotionDatabaseRow -DatabaseId $from -Key Name -Confirm:$false
                Get-NotionDatabaseRow -DatabaseId $to -First 1 | ForEach-Object { Set-NotionDatabaseRow -PageId $_.PageId -Property @{ Link = $url } }
                New-NotionPage -ParentId $to -Title 'Given' -Property @{ Link = $url }
                Export-NotionDatabase -DatabaseId $from -Path $csv
                Import-NotionDatabase -Path $csv -DatabaseId $to
                """,
                vars);

            Assert.Empty(kept.Errors.Select(error => error.ToString()));
            Assert.Equal(3, copies.Count);
            Assert.All(copies, row => Assert.Equal(url, (string?)row!["properties"]!["Link"]!["url"]));
            Assert.All(copies, row => Assert.Equal(url, (string?)row!["properties"]!["Attachments"]!["files"]![0]!["external"]!["url"]));
            Assert.Equal(
                new[] { "AddNotionDatabaseRowCommand", "SyncNotionDatabaseRowCommand", "SyncNotionDatabaseRowCommand", "SetNotionDatabaseRowCommand", "NewNotionPageCommand", "ImportNotionDatabaseCommand" }
                    .Select(command => $"NotionUrlCredentialsRefused,NotionPS.Cmdlets.{command}"),
                given.Errors.Select(error => error.FullyQualifiedErrorId));
            Assert.All(given.Errors, error => Assert.DoesNotContain(Password, error.ToString() + error.ErrorDetails?.Message + error.Exception.Message, StringComparison.Ordinal));
            Assert.Equal(3, (await Emulator.QueryRowsAsync(targetDataSource, string.Empty)).Count);
            Assert.Single(await Emulator.QueryRowsAsync(sourceDataSource, string.Empty));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
