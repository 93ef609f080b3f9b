using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The same two reads without -WorkspaceRequestsPerMinute, as before it existed: the workspace's 429s come, pause
/// both tokens and are waited out, and every row still arrives once. The emulator's window is 2 s so the waits are
/// short, and the emulator is this class's own, so the 429s it injects slow no other test.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class UndeclaredWorkspaceBudgetTests(IsolatedEmulatorFixture emulator) : WorkspaceReadTestBase(emulator), IClassFixture<IsolatedEmulatorFixture>
{
    [Fact]
    public async Task WithoutTheSettingTwoTokensDrawTheWorkspaces429sWaitThemOutAndReadEveryRowOnce()
    {
        var (dataSource, titles) = await SharedDataSourceAsync("undeclared budget", 250);
        await SetWorkspaceBudgetAsync(3, 2);
        try
        {
            var reads = await ReadWithBothTokensAsync(dataSource, "-MaximumRetryCount 20");

            var stats = await Emulator.StatsAsync();
            Assert.All(reads, read => Assert.Empty(read.Errors));
            Assert.All(reads, read => Assert.Equal(titles.OrderBy(t => t), Titles(read).OrderBy(t => t)));
            Assert.True((int?)stats["rateLimitedByReason"]?[WorkspaceReason] > 0, "the workspace's budget was never spent, so the test proved nothing: " + stats.ToJsonString());
            Assert.Contains(reads.SelectMany(read => read.Verbose), line => line.Message.EndsWith("the workspace's limit (public_api_space_request_rate_limit), for every connection of the workspace in this session"));
            Assert.DoesNotContain(reads.SelectMany(read => read.Verbose), line => line.Message.Contains("paced at"));
        }
        finally
        {
            await SetWorkspaceBudgetAsync(0, 60);
        }
    }
}
