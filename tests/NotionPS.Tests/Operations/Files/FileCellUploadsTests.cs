using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>What a row's files failing before the row is sent says.</summary>
public sealed class FileCellUploadsTests
{
    /// <summary>
    /// A Notion-hosted file of a copied row whose host does not answer: the error says once which file of which column
    /// could not be copied, then the host's reason. Before, it said the same thing twice ("The copy of ... failed, so the
    /// row was not sent: '...' of column '...' could not be copied from the row it was read from: ...").
    /// </summary>
    [Fact]
    public async Task ACopyWhoseDownloadFailsSaysSoInOneSentence()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/receipt.pdf";
        listener.Stop();
        var page = new JsonObject
        {
            ["object"] = "page",
            ["id"] = "source-row",
            ["properties"] = new JsonObject
            {
                ["Scans"] = new JsonObject
                {
                    ["id"] = "s",
                    ["type"] = "files",
                    ["files"] = new JsonArray(new JsonObject { ["name"] = "receipt.pdf", ["type"] = "file", ["file"] = new JsonObject { ["url"] = url } }),
                },
            },
        };
        var uploads = new FileCellUploads(NotionClientTests.NewClient(new AnswersWith(page.ToJsonString()), new FakeClock()), new RecordingLog());
        var pending = new PendingFile("Scans", PendingFileKind.CopyIfHosted, new JsonObject { ["name"] = "receipt.pdf" }, url);

        var failure = await Assert.ThrowsAsync<RowFilesException>(() => uploads.CompleteAsync([pending], "source-row", CancellationToken.None));

        Assert.StartsWith($"The copy of 'receipt.pdf' (column 'Scans') from the row it was read from failed, so the row was not sent: Could not download from {url}: ", failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, CountOf("'receipt.pdf'", failure.Message));
        Assert.DoesNotContain("could not be copied", failure.Message, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string within) => (within.Length - within.Replace(text, string.Empty, StringComparison.Ordinal).Length) / text.Length;

    /// <summary>Answers every request with one JSON body.</summary>
    private sealed class AnswersWith(string json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
    }
}
