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
}
