using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>What a download from a file host shows of its URL.</summary>
public sealed class FileHostTests
{
    /// <summary>
    /// A file linked with a user name and password in its URL (Notion keeps what it was given): neither the verbose line of
    /// the answer nor the error of a refusal or an unreachable host shows them, as nothing else in NotionPS does.
    /// </summary>
    [Fact]
    public async Task ADownloadShowsNoUserNameOrPasswordOfItsUrl()
    {
        using var host = new LoopbackServer(_ => LoopbackServer.Response(404, "Not Found"));
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var log = new RecordingLog();

        var refused = await Assert.ThrowsAsync<FileDownloadException>(() => Download($"http://alice:S3cretPw@127.0.0.1:{host.Port}/report.pdf", log));
        var unreachable = await Assert.ThrowsAsync<FileDownloadException>(() => Download($"http://carol:0therPw@127.0.0.1:{closedPort}/spec.pdf", log));

        Assert.StartsWith($"http://***@127.0.0.1:{host.Port}/report.pdf answered 404", refused.Message, StringComparison.Ordinal);
        Assert.StartsWith($"Could not download from http://***@127.0.0.1:{closedPort}/spec.pdf: ", unreachable.Message, StringComparison.Ordinal);
        Assert.Contains($"GET http://***@127.0.0.1:{host.Port}/report.pdf -> 404 Not Found", log.VerboseLines);
        Assert.All(log.VerboseLines.Append(refused.Message).Append(unreachable.Message), line =>
        {
            Assert.DoesNotContain("S3cretPw", line, StringComparison.Ordinal);
            Assert.DoesNotContain("0therPw", line, StringComparison.Ordinal);
            Assert.DoesNotContain("alice", line, StringComparison.Ordinal);
        });
    }

    private static async Task Download(string url, RecordingLog log)
    {
        using var output = new MemoryStream();
        await FileHost.DownloadAsync(new Uri(url), output, TimeSpan.FromSeconds(30), log, CancellationToken.None);
    }
}
