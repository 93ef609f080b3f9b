using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// What -WhatIf (and -Confirm) names a page by in Remove-NotionDatabaseRow and Remove-, Restore-, Move- and Set-NotionPage:
/// a piped row or page object carries its title, so it is shown with the ID; a bare ID or link is shown as given, with no
/// request made just to find a title; a title's control and bidi characters are shown escaped.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class RemoveMoveRestoreWhatIfTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    [Fact]
    public async Task RemoveMoveRestoreAndSetNameAPipedRowOrPageByItsTitleAndId()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("What if titles");
        var ids = await SeedRowsAsync(dataSourceId, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Write report" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Zap \u001b[31m\u202Eevil" } },
        });
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        var result = console.Run(
            "$rows = Get-NotionDatabaseRow $db -Sort Name; $rows | Remove-NotionDatabaseRow -WhatIf; $rows[1] | Remove-NotionPage -WhatIf\n" +
            "$page = $rows[0] | Get-NotionPage; $page | Restore-NotionPage -WhatIf; $page | Move-NotionPage -ParentId $parent -WhatIf; $page | Set-NotionPage -Title 'New' -WhatIf\n" +
            "$rows[0].PageId | Remove-NotionPage -WhatIf; Remove-NotionDatabaseRow -PageId $rows[0].Url -WhatIf",
            Vars(("db", databaseId), ("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        var (report, evil) = (ids[0], ids[1]);
        Assert.Equal(
            new[]
            {
                $"What if: Performing the operation \"Move row to trash\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Move row to trash\" on target \"\"Zap \\u001B[31m\\u202Eevil\" ({evil})\".",
                $"What if: Performing the operation \"Move page to trash\" on target \"\"Zap \\u001B[31m\\u202Eevil\" ({evil})\".",
                $"What if: Performing the operation \"Restore page from trash\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Move page under {TeamHomeId}\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Set title to \"New\"\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Move page to trash\" on target \"{report}\".",
                $"What if: Performing the operation \"Move row to trash\" on target \"{report}\".",
            },
            host.WhatIfLines);
    }

    [Fact]
    public async Task SetNotionDatabaseRowNamesAPipedRowByItsTitleAndAnIdByItself()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("What if set row");
        var ids = await SeedRowsAsync(dataSourceId, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Write report" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Other" } },
        });
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        // A piped row binds -InputObject (its PageId by property name); a row piped with another -PageId is not named by its title.
        var result = console.Run(
            "$rows = Get-NotionDatabaseRow $db -Sort Name; $rows[1] | Set-NotionDatabaseRow -Property @{ Notes = 'x' } -WhatIf\n" +
            "$copy = $rows[1].PSObject.Copy(); $copy.Notes = 'y'; $copy | Set-NotionDatabaseRow -WhatIf\n" +
            "Set-NotionDatabaseRow -PageId $rows[1].PageId -Property @{ Notes = 'x' } -WhatIf; $rows[1] | Set-NotionDatabaseRow -PageId $rows[0].PageId -Property @{ Notes = 'x' } -WhatIf\n" +
            "Export-NotionDatabase $db -Path (Join-Path $dir \"ev`u{202E}il.csv\") -WhatIf",
            Vars(("db", databaseId), ("dir", Path.GetTempPath())));

        Assert.Empty(result.Errors);
        var (report, other) = (ids[0], ids[1]);
        Assert.Equal(
            new[]
            {
                $"What if: Performing the operation \"Change Notes\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Change Name, Notes, Estimate, Priority, Status, Tags, Due, Done, Link, Email, Phone, Owner, Related, Created\" on target \"\"Write report\" ({report})\".",
                $"What if: Performing the operation \"Change Notes\" on target \"{report}\".",
                $"What if: Performing the operation \"Change Notes\" on target \"{other}\".",
                $"What if: Performing the operation \"Export the rows of \"What if set row\"\" on target \"{Path.Combine(Path.GetTempPath(), "ev\\u202Eil.csv")}\".",
            },
            host.WhatIfLines);
    }

    [Fact]
    public void TextTheUserGaveIsShownCutShortWithItsControlAndBidiCharactersEscaped()
    {
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect("2026-03-11", console);

        var result = console.Run(
            "$evil = \"a`nb`e[2J\u202E\" + ('x' * 10000)\n" +
            "Set-NotionPage -PageId $page -Title $evil -WhatIf; New-NotionPage -ParentId $page -Title $evil -WhatIf\n" +
            "New-NotionDatabase -ParentId $page -Title $evil -Property @{ $evil = 'number' } -WhatIf\n" +
            "Set-NotionDatabaseRow -PageId $page -Property @{ $evil = 1 } -WhatIf",
            Vars(("page", TeamHomeId)));

        Assert.Empty(result.Errors);
        var shown = "a\\u000Ab\\u001B[2J\\u202E" + new string('x', 69) + "...";
        Assert.Equal(
            new[]
            {
                $"What if: Performing the operation \"Set title to \"{shown}\"\" on target \"{TeamHomeId}\".",
                $"What if: Performing the operation \"Create page\" on target \"\"{shown}\" under {TeamHomeId}\".",
                $"What if: Performing the operation \"Create database '{shown}' with the columns Name (title), {shown} (number)\" on target \"page {TeamHomeId}\".",
                $"What if: Performing the operation \"Change {shown}\" on target \"{TeamHomeId}\".",
            },
            host.WhatIfLines);
    }
}
