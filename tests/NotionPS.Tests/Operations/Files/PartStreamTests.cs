using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>A part of an upload read from a file that is cut short or written to after it was checked.</summary>
public sealed class PartStreamTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-parts-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(40, "is 40 bytes now")]
    [InlineData(110, "is 110 bytes now")]
    public void AFileOfAnotherSizeThanCheckedFailsTheReadAsChanged(int sizeNow, string told)
    {
        using var opened = CheckedThenResized(sizeNow);
        using var part = new PartStream(opened, 0, opened.Source.Size, _ => { });

        var changed = Assert.Throws<NotionFileException>(() => part.CopyTo(Stream.Null));

        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, changed.ErrorId);
        Assert.Contains("changed while it was sent: it was 100 bytes when checked and " + told, changed.Message);
    }

    [Fact]
    public void AFileOfTheSizeCheckedIsReadWhole()
    {
        using var opened = CheckedThenResized(100);
        using var part = new PartStream(opened, 0, opened.Source.Size, _ => { });
        using var copy = new MemoryStream();

        part.CopyTo(copy);

        Assert.Equal(100, copy.Length);
    }

    /// <summary>.NET Framework's HttpClientHandler reports a failed read of the request's content as a failed request.</summary>
    [Fact]
    public async Task AChangeReportedAsAFailedConnectionIsStillToldAsAChange()
    {
        using var opened = CheckedThenResized(40);
        var file = opened.Source;
        var client = NotionClientTests.NewClient(new WrappingReadFailures(), new FakeClock());

        var changed = await Assert.ThrowsAsync<NotionFileException>(() => new FileUploader(client, new RecordingLog()).UploadAsync(file, null, CancellationToken.None));

        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, changed.ErrorId);
    }

    private SentFile CheckedThenResized(int sizeNow)
    {
        var path = Path.Combine(folder, "notes.txt");
        File.WriteAllBytes(path, new byte[100]);
        var file = LocalFile.Check(path, null, null);
        using (var resize = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            resize.SetLength(sizeNow);
        }

        return SentFile.Open(file);
    }

    /// <summary>Answers users/me and the upload's creation; reads a send's content as a transport would, wrapping its failure.</summary>
    private sealed class WrappingReadFailures : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is MultipartFormDataContent content)
            {
                try
                {
                    await content.CopyToAsync(Stream.Null, cancellationToken);
                }
                catch (Exception ex)
                {
                    throw new HttpRequestException("An error occurred while sending the request.", ex);
                }
            }

            var json = request.Method == HttpMethod.Get ? "{\"object\":\"user\",\"id\":\"b1\",\"type\":\"bot\",\"bot\":{}}" : "{\"object\":\"file_upload\",\"id\":\"f1\"}";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        }
    }
}
