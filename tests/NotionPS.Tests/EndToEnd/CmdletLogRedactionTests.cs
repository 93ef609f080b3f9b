using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The lines the connected cmdlets write themselves (verbose, warnings, progress, -WhatIf, error messages) quote
/// what Notion sent: a title, a column name or a cell value carrying the token shows redacted there, while the
/// objects written keep it as Notion sent it.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CmdletLogRedactionTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private const string Token = EmulatorFixture.FullAccessToken;
    private const string Title = "Budget " + Token;
    private const string RedactedTitle = "Budget ***";
    private const string ComputedColumn = "Created " + Token;
    private const string UnsharedPageId = "0f0f0f0f-0000-4000-8000-00000000dead";

    private readonly string exportPath = Path.Combine(Path.GetTempPath(), $"notionps-redaction-{Guid.NewGuid():N}.csv");

    public new void Dispose()
    {
        File.Delete(exportPath);
        base.Dispose();
    }

    private static JsonObject Row(string name, string notes) => new() { ["properties"] = new JsonObject { ["Name"] = name, ["Notes"] = notes } };

    private static void AssertNoToken(IEnumerable<string> lines) => Assert.DoesNotContain(lines, line => line.Contains(Token, StringComparison.Ordinal));

    /// <summary>Each file's -WhatIf line comes from a helper (LocalFileUploads.ShouldUpload): a file name quoting the token shows *** there too.</summary>
    [Fact]
    public void WhatIfShowsAFileNameCarryingTheTokenRedactedInItsUploadLine()
    {
        var folder = Directory.CreateTempSubdirectory("notionps-redaction-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, $"chart-{Token}.png"), [1, 2, 3]);
            var host = new TextCaptureHost();
            using var console = Emulator.NewSession(host);
            Connect("2026-03-11", console);

            var result = console.Run(
                "New-NotionPage -ParentId $parent -Title 'Dry run' -LocalFileRoot $folder -WhatIf -Markdown \"![The chart](chart-$secret.png)\"",
                Vars(("folder", folder), ("parent", TeamHomeId), ("secret", Token)));

            Assert.Empty(result.Errors);
            Assert.Contains($"What if: Upload the local file '{Path.Combine(folder, "chart-***.png")}' (3 bytes, Markdown line 1) to Notion.", host.WhatIfLines);
            AssertNoToken(host.WhatIfLines);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task ExportShowsATitleCarryingTheTokenRedactedInItsVerboseLineProgressAndWhatIf()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync(Title);
        await SeedRowsAsync(dataSourceId, [Row("A", "a"), Row("B", "b")]);
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        using var export = console.CreatePowerShell();
        export.AddCommand("Export-NotionDatabase").AddParameter("DatabaseId", databaseId).AddParameter("Path", exportPath).AddParameter("Verbose");
        export.Invoke();
        console.Run("Export-NotionDatabase -DatabaseId $db -Path $path -WhatIf", Vars(("db", databaseId), ("path", exportPath)));

        var verbose = export.Streams.Verbose.Select(line => line.Message).ToList();
        var progress = export.Streams.Progress.Select(record => record.Activity).ToList();
        Assert.Contains($"2 rows of \"{RedactedTitle}\" written to {exportPath}.", verbose);
        Assert.Contains($"Exporting the rows of \"{RedactedTitle}\" to {exportPath}", progress);
        Assert.Contains(host.WhatIfLines, line => line.Contains($"Export the rows of \"{RedactedTitle}\"", StringComparison.Ordinal));
        AssertNoToken(verbose.Concat(progress).Concat(host.WhatIfLines));
    }

    [Fact]
    public async Task SyncShowsATitleAndACellValueCarryingTheTokenRedactedInItsVerboseLinesAndWhatIf()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync(Title);
        await SeedRowsAsync(dataSourceId, [Row("K1", "old " + Token), new JsonObject { ["properties"] = new JsonObject { ["Notes"] = "no key" } }]);
        var input = new PSObject();
        input.Properties.Add(new PSNoteProperty("Name", "K1"));
        input.Properties.Add(new PSNoteProperty("Notes", "new"));
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        var result = console.Run("$row | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -Verbose -WhatIf", Vars(("row", input), ("db", databaseId)));

        var verbose = result.Verbose.Select(line => line.Message).ToList();
        Assert.Empty(result.Errors);
        Assert.Contains($"1 rows of \"{RedactedTitle}\" have no value in 'Name': no input matches them and they are never trashed.", verbose);
        Assert.Contains(verbose, line => line.StartsWith("K1: Notes: ", StringComparison.Ordinal) && line.Contains("old ***", StringComparison.Ordinal));
        Assert.Contains(host.WhatIfLines, line => line.Contains($"\"{RedactedTitle}\"", StringComparison.Ordinal));
        AssertNoToken(verbose.Concat(host.WhatIfLines));
    }

    [Fact]
    public async Task SetSchemaShowsADataSourceTitleCarryingTheTokenRedactedInItsVerboseLineAndWhatIfButItsOutputKeepsIt()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync(Title);
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        var unchanged = console.Run("$schema = Get-NotionDatabaseSchema -DatabaseId $db; $schema | Set-NotionDatabaseSchema -Verbose -PassThru", Vars(("db", databaseId)));
        console.Run("$schema.Columns += @{ Name = 'Reviewer'; Type = 'people' }; $schema | Set-NotionDatabaseSchema -WhatIf");

        var verbose = unchanged.Verbose.Select(line => line.Message).ToList();
        Assert.Contains($"The data source '{RedactedTitle}' ({dataSourceId}) already has this schema: nothing to change.", verbose);
        Assert.Contains(host.WhatIfLines, line => line.Contains($"data source '{RedactedTitle}' ({dataSourceId})", StringComparison.Ordinal));
        AssertNoToken(verbose.Concat(host.WhatIfLines));
        Assert.Equal(Title, Assert.IsType<NotionDatabaseSchema>(Assert.Single(unchanged.Output).BaseObject).Title);
    }

    [Fact]
    public async Task ARowWriteWarnsAboutAComputedColumnNamedWithTheTokenRedactedButItsRowKeepsTheName()
    {
        var (databaseId, _) = await NewDatabaseAsync("Budget", new JsonObject { [ComputedColumn] = new JsonObject { ["type"] = "created_time" } });
        var input = new PSObject();
        input.Properties.Add(new PSNoteProperty("Name", "A"));
        input.Properties.Add(new PSNoteProperty(ComputedColumn, "2026-01-01"));
        Connect("2026-03-11");

        var result = Session.Run("$row | Add-NotionDatabaseRow -DatabaseId $db", Vars(("row", input), ("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal($"Column 'Created ***' (created_time) is computed by Notion and cannot be written; its values are skipped.", Assert.Single(result.Warnings).Message);
        Assert.NotNull(Assert.Single(result.Output).Properties[ComputedColumn]);
    }

    [Fact]
    public async Task ARowErrorListingAColumnNamedWithTheTokenShowsItAndItsTargetRedacted()
    {
        var (databaseId, _) = await NewDatabaseAsync("Budget", new JsonObject { [ComputedColumn] = new JsonObject { ["type"] = "created_time" } });
        var input = new PSObject();
        input.Properties.Add(new PSNoteProperty("Nothing", "here " + Token));
        Connect("2026-03-11");

        var result = Session.Run("$row | Add-NotionDatabaseRow -DatabaseId $db", Vars(("row", input), ("db", databaseId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionUnknownColumn,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("Created ***", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
        Assert.Equal("@{Nothing=here ***}", error.CategoryInfo.TargetName);
        Assert.Equal("@{Nothing=here ***}", error.TargetObject);
    }

    [Fact]
    public async Task AnErrorWhoseRemedyNamesAnIntegrationNameCarryingTheTokenShowsItRedacted()
    {
        await Emulator.RewriteUsersMeAsync("\"name\":\"NotionPS Demo\"", $"\"name\":\"NotionPS {Token}\"");
        Connect("2026-03-11");

        var result = Session.Run("Add-NotionComment -PageId $page -Text 'x'", Vars(("page", UnsharedPageId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionObjectNotFound,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("\"NotionPS ***\"", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputThatNamesNoIdAndCarriesTheTokenIsQuotedRedactedInItsInvalidIdError()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "Get-NotionComment -BlockId $text; Get-NotionDatabaseRow -DatabaseId $text; $text | Remove-NotionDatabaseRow -Confirm:$false",
            Vars(("text", "see " + Token)));

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            Assert.StartsWith("InvalidNotionUrl,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains("***", error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, error.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(Token, error.CategoryInfo.TargetName, StringComparison.Ordinal);
        });
    }
}
