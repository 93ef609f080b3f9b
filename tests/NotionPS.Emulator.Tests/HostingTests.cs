using System.Net;
using System.Net.Sockets;

namespace NotionPS.Emulator.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task ListensOnARealLoopbackPort()
    {
        await using var emulator = await TestEmulator.StartAsync();
        Assert.Equal("127.0.0.1", emulator.BaseUri.Host);
        Assert.NotEqual(0, emulator.BaseUri.Port);
        using var socket = new TcpClient();
        await socket.ConnectAsync(IPAddress.Loopback, emulator.BaseUri.Port);
        Assert.True(socket.Connected);
    }

    [Fact]
    public async Task ServesASeedFileInTheDocumentedFormat()
    {
        var seedPath = Path.Combine(Path.GetTempPath(), $"notionps-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seedPath, """
            {
              "workspace": {"id": "11111111-2222-4333-8444-555555555555", "name": "Tiny"},
              "people": [{"id": "11111111-0000-4000-8000-000000000001", "name": "Solo", "email": "solo@tiny.example"}],
              "integrations": [{"id": "11111111-0000-4000-8000-0000000000b0", "name": "Tiny Bot", "token": "test-token-tiny"}],
              "pages": [{"id": "11111111-0000-4000-8000-0000000000a1", "title": "Root", "sharedWith": ["Tiny Bot"]}],
              "databases": [{
                "id": "11111111-0000-4000-8000-0000000000d1", "title": "Things", "parent": "11111111-0000-4000-8000-0000000000a1",
                "dataSources": [{"id": "11111111-0000-4000-8000-0000000000d2", "name": "Things",
                  "properties": {"Name": {"type": "title"}, "Count": {"type": "number", "id": "cnt"}},
                  "rows": [{"properties": {"Name": "One", "Count": 1}}]}]
              }]
            }
            """);
        try
        {
            await using var emulator = await TestEmulator.StartAsync(o => o.SeedPath = seedPath);
            Assert.Equal("Tiny", (string?)(await emulator.GetAsync("v1/users/me", token: "test-token-tiny")).Json["bot"]!["workspace_name"]);
            var rows = (await emulator.PostAsync("v1/data_sources/11111111-0000-4000-8000-0000000000d2/query", "{}", token: "test-token-tiny")).Json["results"]!.AsArray();
            Assert.Equal(1, (double?)rows.Single()!["properties"]!["Count"]!["number"]);
            (await emulator.GetAsync("v1/users/me")).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
        }
        finally
        {
            File.Delete(seedPath);
        }
    }

    [Fact]
    public async Task ABrokenSeedFileFailsTheStartWithItsReason()
    {
        var seedPath = Path.Combine(Path.GetTempPath(), $"notionps-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(seedPath, """{"pages": [{"title": "Bad", "sharedWith": ["Ghost"]}]}""");
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(o => o.SeedPath = seedPath));
            Assert.Contains("Ghost", error.Message);
        }
        finally
        {
            File.Delete(seedPath);
        }
    }
}
