using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// -WorkspaceRequestsPerMinute at the workspace's budget: two tokens of the workspace reading at once are paced by one
/// shared limiter and draw no 429 at all, not even a first. The emulator counts per 60 s, as Notion does, so the
/// test waits out one window (about a minute), on an emulator of its own.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class DeclaredWorkspaceBudgetTests(IsolatedEmulatorFixture emulator) : WorkspaceReadTestBase(emulator), IClassFixture<IsolatedEmulatorFixture>
{
    private const int Budget = 6;

    [Fact]
    public async Task TwoTokensReadingAtOnceUnderTheDeclaredBudgetDrawNo429AndReadEveryRowOnce()
    {
        var (dataSource, titles) = await SharedDataSourceAsync("declared budget", 250);
        await SetWorkspaceBudgetAsync(Budget, 60);
        try
        {
            var reads = await ReadWithBothTokensAsync(dataSource, $"-WorkspaceRequestsPerMinute {Budget}");

            var (demo, reporter) = (await CountsAsync("NotionPS Demo"), await CountsAsync("Read-only Reporter"));
            Assert.All(reads, read => Assert.Empty(read.Errors));
            Assert.All(reads, read => Assert.Equal(titles.OrderBy(t => t), Titles(read).OrderBy(t => t)));
            Assert.True(demo.Requests + reporter.Requests > Budget, $"the two reads made {demo.Requests + reporter.Requests} requests, within one window's budget, so nothing needed pacing");
            Assert.True((0, 0) == (demo.RateLimited, reporter.RateLimited), $"429s drawn: {demo.RateLimited} and {reporter.RateLimited}\n{VerboseOf(reads)}");
            Assert.Contains(reads.SelectMany(read => read.Verbose), line => line.Message == $"Every connection of workspace 'Acme Demo' in this session is paced at {Budget} requests per 60 s, besides its own limit.");
        }
        finally
        {
            await SetWorkspaceBudgetAsync(0, 60);
        }
    }
}
