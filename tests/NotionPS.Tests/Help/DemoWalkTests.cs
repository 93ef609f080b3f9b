using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using NotionPS.Emulator;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// The demo walk (tools/Demo/Start-NotionDemo.ps1) that `build.ps1 -Task Demo` runs, run here in the
/// hosted engine against an emulator with its default options, as the demo starts it.
/// </summary>
[Collection(EmulatorSessionCollection.Name)]
public sealed class DemoWalkTests : IClassFixture<DemoWalkTests.Walk>
{
    private readonly ScriptResult walk;

    public DemoWalkTests(Walk fixture) => walk = fixture.Result!;

    /// <summary>Walks once for the whole class; the facts below read what it wrote.</summary>
    public sealed class Walk : IAsyncLifetime
    {
        private static readonly string WalkScript = Path.Combine(TestPaths.RepoRoot, "tools", "Demo", "Start-NotionDemo.ps1");

        public ScriptResult? Result { get; private set; }

        public async Task InitializeAsync()
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0" });
            using var session = new ModuleSession();
            Result = session.Run("& $walk -BaseUri $baseUri; Disconnect-NotionIntegration", new Dictionary<string, object?> { ["walk"] = WalkScript, ["baseUri"] = emulator.BaseUri });
        }

        public Task DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public void WalksTheThreeStepsWithoutErrors()
    {
        Assert.Empty(walk.Errors);
        var narration = walk.Output.Select(item => item.BaseObject).OfType<string>().ToList();
        Assert.Equal(["Step 1", "Step 3", "Step 2"], narration.Select(line => line[..6]));
    }

    [Fact]
    public void ConnectsAsTheDemoIntegration()
    {
        var connection = Assert.Single(Objects<NotionConnection>());

        Assert.Equal("NotionPS Demo", connection.BotName);
        Assert.Equal("Acme Demo", connection.WorkspaceName);
    }

    [Fact]
    public void TurnsTheDemoUrlsIntoIds()
    {
        Assert.Equal(
            ["1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6", "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7"],
            Objects<NotionDatabaseId>().Select(id => id.DatabaseId));
    }

    [Fact]
    public void FindsTasksAccessibleAndPrivateNotesNotSharedWithTheRemedy()
    {
        var results = Objects<NotionDatabaseAccess>();

        Assert.Equal([NotionDatabaseAccessStatus.Accessible, NotionDatabaseAccessStatus.NotShared], results.Select(result => result.Status));
        Assert.Equal("Tasks", results[0].Title);
        Assert.Contains("click ••• in the top right corner", results[1].Message);
        Assert.Contains("Add connections", results[1].Message);
        Assert.Contains("\"NotionPS Demo\"", results[1].Message);
    }

    private List<T> Objects<T>() => walk.Output.Select(item => item.BaseObject).OfType<T>().ToList();
}
