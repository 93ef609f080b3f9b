using System;
using System.Collections.Generic;
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
        var files = CheckedFiles("r", 6);

        await Task.WhenAll(files.Select(file => uploader.UploadAsync(file, null, CancellationToken.None)));

        Assert.Equal(6, handler.Sends);
        Assert.Equal(FileUploader.PartsInFlight, handler.MaxInFlight);
    }

    /// <summary>
    /// The workspace's limit is asked once for the files waiting on it: a lookup that still fails after the retries every
    /// read gets fails each of them, with an error that says the limit could not be read (not a bare users/me failure), and
    /// nothing of them is created; the failure is not kept, so a file sent after asks again and is sent.
    /// </summary>
    [Fact]
    public async Task FilesWaitingOnAFailedLimitLookupShareItsFailureAndTheNextFileAsksAfresh()
    {
        var handler = new HeldLimitLookup();
        var uploader = new FileUploader(NotionClientTests.NewClient(handler, new FakeClock()), new RecordingLog());
        var files = CheckedFiles("l", 4);

        // The three start while the lookup is held, so they wait on the same one.
        var waiting = files.Take(3).Select(file => uploader.UploadAsync(file, null, CancellationToken.None)).ToList();
        handler.Answer(HttpStatusCode.ServiceUnavailable);
        var failures = await Task.WhenAll(waiting.Select(upload => Assert.ThrowsAsync<NotionFileException>(() => upload)));
        var lookupsOfTheThree = handler.Lookups;

        Assert.All(failures, failure =>
        {
            Assert.Equal(NotionPS.Errors.NotionErrorIds.NotionFileUploadFailed, failure.ErrorId);
            Assert.Contains("The workspace's upload limit could not be read (GET v1/users/me), so nothing of '", failure.Message, StringComparison.Ordinal);
            Assert.Equal(503, Assert.IsType<NotionPS.Client.NotionApiException>(failure.InnerException).Status);
        });
        Assert.Equal(1 + new NotionPS.Client.NotionClientOptions().MaximumRetryCount, lookupsOfTheThree);
        Assert.Equal(0, handler.Created);

        handler.Answer(HttpStatusCode.OK);
        var sent = await uploader.UploadAsync(files[3], null, CancellationToken.None);

        Assert.Equal("uploaded", sent.Status);
        Assert.Equal(lookupsOfTheThree + 1, handler.Lookups);
        Assert.Equal(1, handler.Created);
    }

    /// <summary>Small files <paramref name="prefix"/>1.txt, 2.txt, ... in the test's folder, checked as a command checks them.</summary>
    private List<LocalFile> CheckedFiles(string prefix, int count) => Enumerable.Range(1, count).Select(i =>
    {
        var path = Path.Combine(folder, $"{prefix}{i}.txt");
        File.WriteAllText(path, $"row {i}");
        return LocalFile.Check(path, null, null);
    }).ToList();

    /// <summary>Holds users/me until told how to answer it (a status, then for every later lookup); answers uploads at once.</summary>
    private sealed class HeldLimitLookup : HttpMessageHandler
    {
        private readonly TaskCompletionSource<HttpStatusCode> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private HttpStatusCode? status;
        private int lookups;
        private int created;

        public int Lookups => Volatile.Read(ref lookups);

        public int Created => Volatile.Read(ref created);

        public void Answer(HttpStatusCode with)
        {
            status = with;
            answer.TrySetResult(with);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/users/me", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref lookups);
                var with = status ?? await answer.Task;
                return with == HttpStatusCode.OK
                    ? Json("{\"object\":\"user\",\"id\":\"b1\",\"type\":\"bot\",\"bot\":{}}")
                    : new HttpResponseMessage(with) { Content = new StringContent("{\"object\":\"error\",\"status\":503,\"code\":\"service_unavailable\",\"message\":\"Held.\"}", Encoding.UTF8, "application/json") };
            }

            if (!path.EndsWith("/send", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref created);
                return Json("{\"object\":\"file_upload\",\"id\":\"f1\"}");
            }

            await request.Content!.CopyToAsync(Stream.Null, cancellationToken);
            return Json("{\"object\":\"file_upload\",\"id\":\"f1\",\"status\":\"uploaded\",\"filename\":\"l4.txt\",\"content_type\":\"text/plain\",\"content_length\":5}");
        }
    }

    private static HttpResponseMessage Json(string json) =>
        new(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

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
    }
}
