using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using NotionPS.Tests.Client;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// What is uploaded is the file that was checked (review F2): a file swapped for a link to the user's secret, or
/// replaced, between the check and the upload sends none of its bytes to Notion (the emulator, behind a handler that
/// records every request body), and creates no upload. The seam is the operations layer's own: a check, then an upload.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CheckedFileUploadTests : LocalSecretTestBase
{
    private const string Version = "2026-03-11";

    private readonly string notes;
    private readonly byte[] secret;
    private readonly byte[] checkedContent;

    public CheckedFileUploadTests(EmulatorFixture emulator)
        : base(emulator, "notionps-e2e-checked-")
    {
        secret = File.ReadAllBytes(Secret);

        // The size the secret has, so that only the file's identity, not its size, can tell the swap.
        notes = Path.Combine(Directory.CreateDirectory(Path.Combine(Folder, "docs")).FullName, "notes.txt");
        checkedContent = Enumerable.Repeat((byte)'n', secret.Length).ToArray();
        File.WriteAllBytes(notes, checkedContent);
    }

    [Fact]
    public async Task AFileSwappedForALinkToASecretAfterTheCheckSendsNoneOfTheSecret()
    {
        var file = LocalFile.Check(notes, null, null);
        File.Delete(notes);
        File.CreateSymbolicLink(notes, Secret);

        var (sent, uploads, refused) = await UploadAsync(file);

        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, refused?.ErrorId);
        Assert.Contains("is no longer the file that was checked", refused!.Message);
        Assert.DoesNotContain(sent, body => Holds(body, secret));
        Assert.Equal(uploads, await UploadCountAsync(Version));
    }

    [Fact]
    public async Task AFileReplacedByAnotherOfTheSameSizeIsNotSentAndTheFileCheckedIs()
    {
        var file = LocalFile.Check(notes, null, null);
        var (sent, _, refusedNone) = await UploadAsync(file);

        // As an editor saves: a new file written beside it, renamed over it.
        var saved = notes + ".new";
        File.Copy(Secret, saved);
        File.Move(saved, notes, overwrite: true);

        var (_, _, refused) = await UploadAsync(file);

        Assert.Null(refusedNone);
        Assert.Contains(sent, body => Holds(body, checkedContent));
        Assert.Equal(NotionErrorIds.NotionFileChangedWhileSent, refused?.ErrorId);
    }

    /// <summary>
    /// Add-NotionDatabaseRow checks a files cell's file once, before -Confirm asks, and uploads that file: one swapped for
    /// a link to the secret while the prompt waits is not read (it used to be checked again, and was refused as a link
    /// only because the second check happened to see the link).
    /// </summary>
    [Fact]
    public async Task AFileSwappedWhileConfirmAsksIsNotReadAndTheRowIsNotAdded()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Expenses");
        var host = new TextCaptureHost();
        var prompts = 0;
        host.Choose = message =>
        {
            if (prompts++ == 0)
            {
                File.Delete(notes);
                File.CreateSymbolicLink(notes, Secret);
            }

            return 0; // Yes
        };
        using var session = Emulator.Prepared(ModuleSession.WithHost(host));
        Connect(Version, session);
        var uploads = await UploadCountAsync(Version);

        var result = session.Run(
            "@{ Name = 'Taxi'; Attachments = 'notes.txt' } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $docs -Confirm",
            Vars(("db", databaseId), ("docs", Path.GetDirectoryName(notes))));

        Assert.Equal(2, prompts);
        Assert.Equal("NotionFileChangedWhileSent,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>A path of 6,000 characters is named once in the message, shortened to its start and end, and the remedy said once (review F7).</summary>
    [Fact]
    public void SendNotionFileNamesALongPathOnceInItsError()
    {
        var path = Path.Combine(Folder, new string('a', 6000) + ".txt");
        Connect(Version);

        var result = Session.Run("Send-NotionFile -Path $path; Send-NotionFile -LiteralPath $path", Vars(("path", path)));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error =>
        {
            var message = error.Exception.Message;
            Assert.Equal(1, Occurrences(message, path.Substring(0, 100)));
            Assert.Contains("(6,", message);
            Assert.True(message.Length < 600, message);
            var shown = error.ToString();
            Assert.True(Occurrences(shown, "Check the path") + Occurrences(shown, "Give a file you may read") == 1, shown);
        });
    }

    private async Task<(ConcurrentBag<byte[]> Sent, int UploadsBefore, NotionFileException? Refused)> UploadAsync(LocalFile file)
    {
        var uploads = await UploadCountAsync(Version);
        var recorder = new BodyRecorder { InnerHandler = new HttpClientHandler() };
        var options = new NotionClientOptions { BaseUri = Emulator.BaseUri, ApiVersion = Version };
        var client = new NotionClient(EmulatorFixture.Secure(EmulatorFixture.FullAccessToken), options, SystemClock.Instance, new RateLimiter(0, 1, SystemClock.Instance), recorder);
        try
        {
            await new FileUploader(client, new RecordingLog()).UploadAsync(file, null, CancellationToken.None);
            return (recorder.Bodies, uploads, null);
        }
        catch (NotionFileException ex)
        {
            return (recorder.Bodies, uploads, ex);
        }
    }

    private static bool Holds(byte[] body, byte[] part) =>
        Enumerable.Range(0, body.Length - part.Length + 1).Any(start => body.AsSpan(start, part.Length).SequenceEqual(part));

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Every request body, as it leaves for the emulator.</summary>
    private sealed class BodyRecorder : DelegatingHandler
    {
        public ConcurrentBag<byte[]> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content != null)
            {
                Bodies.Add(await request.Content.ReadAsByteArrayAsync(cancellationToken));
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
