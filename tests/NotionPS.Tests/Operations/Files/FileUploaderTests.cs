using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Operations.Files;
using NotionPS.Tests.Client;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>How much of a command's files is on the wire at once.</summary>
public sealed class FileUploaderTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-uploader-" + Guid.NewGuid().ToString("N"))).FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// Rows upload several at a time (-ThrottleLimit), but their files' parts share one limit: six files sent at once
    /// by one uploader never have more than <see cref="FileUploader.PartsInFlight"/> sends in flight, so a slow uplink
    /// carries what one file's parts did. The handler holds each send until more than that many are in flight (or a
    /// few seconds pass), so the count does not depend on timing.
    /// </summary>
    [Fact]
    public async Task FilesSentAtOnceShareOneLimitOfPartsInFlight()
    {
        var handler = new CountingSends(holdUntil: FileUploader.PartsInFlight + 1);
        var uploader = new FileUploader(NotionClientTests.NewClient(handler, new FakeClock()), new RecordingLog());
        var files = Enumerable.Range(1, 6).Select(i =>
        {
            var path = Path.Combine(folder, $"r{i}.txt");
            File.WriteAllText(path, $"row {i}");
            return LocalFile.Check(path, null, null);
        }).ToList();

        await Task.WhenAll(files.Select(file => uploader.UploadAsync(file, null, CancellationToken.None)));

        Assert.Equal(6, handler.Sends);
        Assert.Equal(FileUploader.PartsInFlight, handler.MaxInFlight);
    }

    /// <summary>Answers users/me and each upload's creation at once; counts the sends in flight, holding them as above.</summary>
    private sealed class CountingSends : HttpMessageHandler
    {
        private readonly int holdUntil;
        private readonly TaskCompletionSource<bool> enough = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int inFlight;
        private int maxInFlight;
        private int sends;
        private int created;

        public CountingSends(int holdUntil) => this.holdUntil = holdUntil;

        public int MaxInFlight => Volatile.Read(ref maxInFlight);

        public int Sends => Volatile.Read(ref sends);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Get)
            {
                return Json("{\"object\":\"user\",\"id\":\"b1\",\"type\":\"bot\",\"bot\":{}}");
            }

            if (!request.RequestUri!.AbsolutePath.EndsWith("/send", StringComparison.Ordinal))
            {
                return Json($"{{\"object\":\"file_upload\",\"id\":\"f{Interlocked.Increment(ref created)}\"}}");
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            if (now >= holdUntil)
            {
                enough.TrySetResult(true);
            }

            await Task.WhenAny(enough.Task, Task.Delay(TimeSpan.FromSeconds(3), cancellationToken));
            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            Interlocked.Increment(ref sends);
            Interlocked.Decrement(ref inFlight);
            var id = request.RequestUri.Segments[^2].TrimEnd('/');
            return Json($"{{\"object\":\"file_upload\",\"id\":\"{id}\",\"status\":\"uploaded\",\"filename\":\"f.txt\",\"content_type\":\"text/plain\",\"content_length\":5}}");
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }

        private static HttpResponseMessage Json(string json) =>
            new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
    }
}
