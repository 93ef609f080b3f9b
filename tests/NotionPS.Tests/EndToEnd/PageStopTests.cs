using System;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Errors;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Remove-, Set- and Move-NotionPage (and Restore-NotionPage, which shares their base) stopped while a page's request is
/// sent and not answered: Notion may have done it, so the page is named to the host with what it may have become and
/// what to do. Before, the stop said nothing of it.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class PageStopTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    [Theory]
    [InlineData("Remove-NotionPage -PageId $args[0] -Confirm:$false", "PATCH", "/v1/pages/*",
        "may be in the trash. Running the same command again is safe: a page already in the trash stays there. To keep it, take it back with Restore-NotionPage -PageId ")]
    [InlineData("Set-NotionPage -PageId $args[0] -Title 'Changed'", "PATCH", "/v1/pages/*",
        "may hold the change. Running the same command again for it is safe: it leaves the page as the command asks.")]
    [InlineData("Move-NotionPage -PageId $args[0] -ParentId $args[1]", "POST", "/v1/pages/*/move",
        "may have been moved. Running the same command again for it is safe: it leaves the page as the command asks.")]
    public async Task CtrlCWhileAPagesRequestIsHeldSaysWhatThePageMayHaveBecome(string command, string method, string path, string told)
    {
        var page = await NewPageAsync("Held " + method);
        var parent = await NewPageAsync("Held page's new parent");
        var host = new TextCaptureHost();
        using var session = Emulator.NewSession(host);
        Connect("2026-03-11", session);
        await WithFaultAsync(new JsonObject { ["kind"] = "hold", ["count"] = 1, ["method"] = method, ["path"] = path }, () =>
        {
            using var ps = session.CreatePowerShell();
            ps.AddScript(command).AddArgument(page).AddArgument(parent);
            var running = ps.BeginInvoke();
            WaitUntil(async () => await ArmedFaultsAsync() == 0);
            ps.Stop();
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));

            Assert.Contains($"WARNING: The command stopped after the request for page {page} was sent and before Notion answered, so the page {told}", host.Text, StringComparison.Ordinal);
            if (told.Contains("Restore-NotionPage", StringComparison.Ordinal))
            {
                Assert.Equal(page, PastedCommand.ArgumentOf(host.Text, "Restore-NotionPage", "-PageId"));
            }

            return Task.CompletedTask;
        });
    }
}
