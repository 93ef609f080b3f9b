using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>File uploads: create, send (single and multi-part), complete, retrieve, list, attach, expire and download.</summary>
public sealed class FileUploadsTests
{
    private const int MiB = 1024 * 1024;
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ASinglePartUploadAttachedToAFilesCellIsServedBackByteEqual()
    {
        await using var emulator = await StartAsync();
        var content = Bytes(3 * 1024, seed: 1);
        var upload = await CreateAsync(emulator, new { filename = "report.txt", content_type = "text/plain" });
        Assert.Equal("pending", (string?)upload["status"]);
        Assert.Equal("2025-03-01T10:00:00.000Z", (string?)upload["expiry_time"]);
        Assert.EndsWith($"/v1/file_uploads/{upload["id"]}/send", (string?)upload["upload_url"]);

        var sent = await SendAsync(emulator, (string)upload["id"]!, content, "report.txt", "text/plain");
        Assert.Equal(HttpStatusCode.OK, sent.Status);
        Assert.Equal("uploaded", (string?)sent.Json["status"]);
        Assert.Equal(content.Length, (long?)sent.Json["content_length"]);
        Assert.Null(sent.Json["upload_url"]);

        var row = await AddRowWithFilesAsync(emulator, new JsonArray(FileUpload((string)upload["id"]!)));
        var cell = row["properties"]!["Attachments"]!["files"]!.AsArray().Single()!;
        Assert.Equal("file", (string?)cell["type"]);
        Assert.Equal("report.txt", (string?)cell["name"]);
        AssertAnHourAfter(Start, cell["file"]!["expiry_time"]);

        using var download = await emulator.Http.GetAsync((string)cell["file"]!["url"]!);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/plain", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));

        var attached = (await emulator.GetAsync($"v1/file_uploads/{upload["id"]}")).Json;
        Assert.Equal("uploaded", (string?)attached["status"]);
        Assert.Null(attached["expiry_time"]);
    }

    [Fact]
    public async Task AMultiPartUploadTakesPartsInAnyOrderAndJoinsThemOnComplete()
    {
        await using var emulator = await StartAsync();
        var parts = new[] { Bytes(5 * MiB, 1), Bytes(5 * MiB, 2), Bytes(1000, 3) };
        var upload = await CreateAsync(emulator, new { mode = "multi_part", number_of_parts = 3, filename = "movie.mp4" });
        var id = (string)upload["id"]!;
        Assert.Equal("video/mp4", (string?)upload["content_type"]);
        Assert.EndsWith($"/v1/file_uploads/{id}/complete", (string?)upload["complete_url"]);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, id, parts[2], "movie.mp4", partNumber: "3")).Status);
        var early = await emulator.PostAsync($"v1/file_uploads/{id}/complete", new { });
        Assert.Contains("has not received parts 1, 2", early.AssertError(HttpStatusCode.BadRequest, "validation_error"));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, id, parts[0], "movie.mp4", partNumber: "1")).Status);
        var second = await SendAsync(emulator, id, parts[1], "movie.mp4", partNumber: "2");
        Assert.Equal("pending", (string?)second.Json["status"]);
        Assert.Equal(3, (int?)second.Json["number_of_parts"]!["sent"]);

        var completed = (await emulator.PostAsync($"v1/file_uploads/{id}/complete", new { })).Json;
        Assert.Equal("uploaded", (string?)completed["status"]);
        Assert.Equal(parts.Sum(p => p.Length), (long?)completed["content_length"]);

        var block = await AppendAsync(emulator, "video", FileUpload(id));
        Assert.Equal(HttpStatusCode.OK, block.Status);
        using var download = await emulator.Http.GetAsync((string)block.Json["results"]![0]!["video"]!["file"]!["url"]!);
        Assert.Equal(SHA256.HashData(parts.SelectMany(p => p).ToArray()), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task PartsOutsideNotionsSizesAndNumbersAreRefused()
    {
        await using var emulator = await StartAsync();
        var id = (string)(await CreateAsync(emulator, new { mode = "multi_part", number_of_parts = 2, filename = "big.pdf" }))["id"]!;

        var small = await SendAsync(emulator, id, Bytes(1000, 1), "big.pdf", partNumber: "1");
        Assert.Contains("every part but the last (part 2) must hold 5 to 20 MiB", small.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var outOfRange = await SendAsync(emulator, id, Bytes(1000, 1), "big.pdf", partNumber: "3");
        Assert.Contains("body.part_number should be a whole number between 1 and 2", outOfRange.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var missing = await SendAsync(emulator, id, Bytes(1000, 1), "big.pdf");
        Assert.Contains("body.part_number", missing.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var tooBig = await SendOnNewConnectionAsync(emulator, id, Bytes(20 * MiB + 1, 1), "big.pdf", partNumber: "1");
        Assert.Contains("more than a part may hold (20971520 bytes, 20 MiB)", tooBig.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task ASinglePartUploadOver20MiBIsSentToMultiPart()
    {
        await using var emulator = await StartAsync();
        var id = (string)(await CreateAsync(emulator, new { filename = "large.txt" }))["id"]!;

        var reply = await SendOnNewConnectionAsync(emulator, id, Bytes(20 * MiB + 10, 4), "large.txt");

        Assert.Contains("create a multi_part upload", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Equal("pending", (string?)(await emulator.GetAsync($"v1/file_uploads/{id}")).Json["status"]);
    }

    [Fact]
    public async Task TheWorkspaceLimitIsReportedInUsersMeAndEnforced()
    {
        await using var emulator = await StartAsync(options => options.MaxFileUploadBytes = 2048);
        Assert.Equal(2048, (long?)(await emulator.GetAsync("v1/users/me")).Json["bot"]!["workspace_limits"]!["max_file_upload_size_in_bytes"]);
        var single = (string)(await CreateAsync(emulator, new { filename = "a.txt" }))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, single, Bytes(2048, 1), "a.txt")).Status);

        var over = (string)(await CreateAsync(emulator, new { filename = "b.txt" }))["id"]!;
        var message = (await SendAsync(emulator, over, Bytes(2049, 1), "b.txt")).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("more than 2048 bytes", message);
        Assert.Contains("maximum file size of 2048 bytes", message);
    }

    [Theory]
    [InlineData("""{"filename":"a.zip"}""", ".zip is not a file extension Notion accepts")]
    [InlineData("""{"content_type":"application/zip"}""", "application/zip is not a file type Notion accepts")]
    [InlineData("""{"filename":"a.png","content_type":"text/plain"}""", "the extension .png does not match the content type text/plain")]
    [InlineData("""{"filename":"noextension"}""", "has no extension")]
    [InlineData("""{"mode":"multi_part","number_of_parts":2}""", "body.filename should be defined when mode is `\"multi_part\"`")]
    [InlineData("""{"mode":"multi_part","filename":"a.mp4","number_of_parts":1001}""", "body.number_of_parts should be a whole number between 1 and 1000")]
    [InlineData("""{"mode":"single_part","number_of_parts":2}""", "body.number_of_parts should be not present")]
    [InlineData("""{"mode":"chunks"}""", "body.mode should be")]
    [InlineData("""{"mode":"external_url","filename":"a.pdf","external_url":"http://example.com/a.pdf"}""", "the HTTPS URL")]
    public async Task CreateRefusesWhatNotionRefuses(string body, string expected)
    {
        await using var emulator = await StartAsync();
        var reply = await emulator.PostAsync("v1/file_uploads", body);
        Assert.Contains(expected, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task AFilenameOver900BytesIsRefusedAndAMissingExtensionComesFromTheContentType()
    {
        await using var emulator = await StartAsync();
        var tooLong = await emulator.PostAsync("v1/file_uploads", new { filename = new string('é', 449) + ".txt" });
        Assert.Contains("at most 900 bytes", tooLong.AssertError(HttpStatusCode.BadRequest, "validation_error"));

        var inferred = await CreateAsync(emulator, new { filename = "screenshot", content_type = "image/png" });
        Assert.Equal("screenshot.png", (string?)inferred["filename"]);
    }

    [Fact]
    public async Task SendRefusesABodyThatIsNotAFormAndAnUploadThatIsDone()
    {
        await using var emulator = await StartAsync();
        var id = (string)(await CreateAsync(emulator, new { filename = "a.txt" }))["id"]!;
        var json = await emulator.PostAsync($"v1/file_uploads/{id}/send", new { file = "x" });
        Assert.Contains("multipart/form-data", json.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var empty = await SendAsync(emulator, id, [], "a.txt");
        Assert.Contains("empty", empty.AssertError(HttpStatusCode.BadRequest, "validation_error"));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, id, Bytes(10, 1), "a.txt")).Status);
        var again = await SendAsync(emulator, id, Bytes(10, 1), "a.txt");
        Assert.Contains("already uploaded", again.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var complete = await emulator.PostAsync($"v1/file_uploads/{id}/complete", new { });
        Assert.Contains("only a multi_part upload is completed", complete.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task AnUploadNotAttachedWithinAnHourExpiresOnTheEmulatorsClock()
    {
        await using var emulator = await StartAsync();
        var id = (string)(await CreateAsync(emulator, new { filename = "late.txt" }))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, id, Bytes(10, 1), "late.txt")).Status);

        await SetClockAsync(emulator, Start.AddMinutes(61));

        Assert.Equal("expired", (string?)(await emulator.GetAsync($"v1/file_uploads/{id}")).Json["status"]);
        var attach = await AddRowWithFilesReplyAsync(emulator, new JsonArray(FileUpload(id)));
        Assert.Contains("expired at 2025-03-01T10:00:00.000Z", attach.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var send = await SendAsync(emulator, id, Bytes(10, 1), "late.txt");
        Assert.Contains("expired", send.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task AnAttachedUploadNeverExpiresAndAttachesAgain()
    {
        await using var emulator = await StartAsync();
        var id = await UploadAsync(emulator, "photo.png", Bytes(100, 2));
        Assert.Equal(HttpStatusCode.OK, (await AppendAsync(emulator, "image", FileUpload(id))).Status);

        await SetClockAsync(emulator, Start.AddHours(5));

        Assert.Equal("uploaded", (string?)(await emulator.GetAsync($"v1/file_uploads/{id}")).Json["status"]);
        var again = await AppendAsync(emulator, "image", FileUpload(id));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal("file", (string?)again.Json["results"]![0]!["image"]!["type"]);
    }

    [Fact]
    public async Task AFileUrlExpiresAfterAnHourAndAnswersAsS3()
    {
        await using var emulator = await StartAsync();
        var id = await UploadAsync(emulator, "doc.pdf", Bytes(100, 3));
        var file = (await AppendAsync(emulator, "pdf", FileUpload(id))).Json["results"]![0]!["pdf"]!["file"]!;
        var url = (string)file["url"]!;
        // The clock runs on from Start while the test works: expire the URL from its own expiry, not from Start.
        var pastExpiry = DateTimeOffset.Parse((string)file["expiry_time"]!, System.Globalization.CultureInfo.InvariantCulture).AddSeconds(1);

        using var forged = await emulator.Http.GetAsync(url.Replace("signature=", "signature=0", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Contains("<Code>SignatureDoesNotMatch</Code>", await forged.Content.ReadAsStringAsync());

        await SetClockAsync(emulator, pastExpiry);
        using var expired = await emulator.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal("application/xml", expired.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<Code>AccessDenied</Code><Message>Request has expired</Message>", await expired.Content.ReadAsStringAsync());

        var fresh = (await emulator.GetAsync($"v1/blocks/{Demo.MeetingNotesPage}/children")).Json["results"]!.AsArray().Last()!["pdf"]!["file"]!;
        AssertAnHourAfter(pastExpiry, fresh["expiry_time"]);
        using var refreshed = await emulator.Http.GetAsync((string)fresh["url"]!);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    [Theory]
    [InlineData("image")]
    [InlineData("video")]
    [InlineData("audio")]
    [InlineData("pdf")]
    public async Task AMediaBlockTakesOnlyItsOwnKindOfFile(string blockType)
    {
        await using var emulator = await StartAsync();
        var id = await UploadAsync(emulator, "notes.txt", Bytes(10, 1));

        var reply = await AppendAsync(emulator, blockType, FileUpload(id));

        Assert.Contains("is text/plain, which a", reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Equal(HttpStatusCode.OK, (await AppendAsync(emulator, "file", FileUpload(id))).Status);
    }

    [Fact]
    public async Task APageIconAndCoverTakeUploadedImagesAndAnEmojiOrExternalUrlAsGiven()
    {
        await using var emulator = await StartAsync();
        var image = await UploadAsync(emulator, "cover.png", Bytes(100, 5));
        var created = await emulator.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["page_id"] = Demo.TeamHomePage },
            ["properties"] = new JsonObject { ["title"] = new JsonObject { ["title"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = "Visual" } }) } },
            ["icon"] = new JsonObject { ["type"] = "emoji", ["emoji"] = "📎" },
            ["cover"] = FileUpload(image),
        });
        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Equal("📎", (string?)created.Json["icon"]!["emoji"]);
        Assert.Equal("file", (string?)created.Json["cover"]!["type"]);

        var pageId = (string)created.Json["id"]!;
        var external = "https://example.com/icon.png?v=1";
        var updated = await emulator.PatchAsync($"v1/pages/{pageId}", new JsonObject
        {
            ["icon"] = new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = external } },
            ["cover"] = null,
        });
        Assert.Equal(external, (string?)updated.Json["icon"]!["external"]!["url"]);
        Assert.Null(updated.Json["cover"]);

        var text = await UploadAsync(emulator, "a.txt", Bytes(10, 1));
        var refused = await emulator.PatchAsync($"v1/pages/{pageId}", new JsonObject { ["icon"] = FileUpload(text) });
        Assert.Contains("a page icon or an image block takes images", refused.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Theory]
    [InlineData("👨‍👩‍👧‍👦")]
    [InlineData("1️⃣")]
    [InlineData("🇫🇷")]
    [InlineData("ℹ️")]
    public async Task AnIconTakesOneEmojiOfSeveralCodePoints(string emoji)
    {
        await using var emulator = await StartAsync();

        var reply = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["icon"] = new JsonObject { ["emoji"] = emoji } });

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(("emoji", emoji), ((string?)reply.Json["icon"]!["type"], (string?)reply.Json["icon"]!["emoji"]));
    }

    [Theory]
    [InlineData("""{"type":"emoji","emoji":"x"}""", "body.icon.emoji should be an emoji, instead was `\"x\"`")]
    [InlineData("""{"type":"emoji","emoji":"📎📎"}""", "body.icon.emoji should be an emoji")]
    [InlineData("""{"type":"emoji","emoji":"é"}""", "body.icon.emoji should be an emoji")]
    [InlineData("""{"type":"emoji"}""", "body.icon.emoji should be defined, instead was `undefined`")]
    [InlineData("""{}""", "body.icon.emoji should be defined, instead was `undefined`.\nbody.icon.external should be defined")]
    [InlineData("""{"type":"sticker","sticker":{}}""", "body.icon.type should be `\"emoji\"`, `\"external\"` or `\"file_upload\"`")]
    [InlineData("""{"type":"file","file":{"url":"https://example.com/a.png"}}""", "is a Notion-hosted file (type file), which a request cannot send")]
    [InlineData("\"📎\"", "body.icon should be an object")]
    public async Task ABadIconIsA400ValidationErrorNamingWhatToFix(string icon, string expected)
    {
        await using var emulator = await StartAsync();

        var reply = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["icon"] = JsonNode.Parse(icon) });

        Assert.Contains(expected, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    /// <summary>A custom emoji is named by its ID alone; the page answers it with the emoji's name and image URL, as Notion's page object does.</summary>
    [Fact]
    public async Task AnIconTakesACustomEmojiOfTheWorkspaceByIdAndAnswersItsNameAndUrl()
    {
        await using var emulator = await StartAsync();
        var icon = new JsonObject { ["type"] = "custom_emoji", ["custom_emoji"] = new JsonObject { ["id"] = Demo.CustomEmoji } };

        var updated = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["icon"] = icon });
        var read = await emulator.GetAsync($"v1/pages/{Demo.MeetingNotesPage}");

        Assert.Equal(HttpStatusCode.OK, updated.Status);
        var expected = $$$"""{"type":"custom_emoji","custom_emoji":{"id":"{{{Demo.CustomEmoji}}}","name":"acme-rocket","url":"https://acme.example/emoji/acme-rocket.png"}}""";
        Assert.Equal(expected, updated.Json["icon"]!.ToJsonString());
        Assert.Equal(expected, read.Json["icon"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{"type":"custom_emoji","custom_emoji":{"id":"ce0e0000-0000-4000-8000-0000000000ff"}}""", "names no custom emoji of the workspace")]
    [InlineData("""{"type":"custom_emoji","custom_emoji":{"name":"acme-rocket"}}""", "body.icon.custom_emoji.id should be a valid uuid, instead was `undefined`")]
    [InlineData("""{"type":"custom_emoji"}""", "body.icon.custom_emoji should be defined")]
    public async Task ACustomEmojiIconNeedsTheIdOfOneOfTheWorkspace(string icon, string expected)
    {
        await using var emulator = await StartAsync();

        var reply = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["icon"] = JsonNode.Parse(icon) });

        Assert.Contains(expected, reply.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task ACoverTakesNoEmojiAndAnUnknownUploadIsRefused()
    {
        await using var emulator = await StartAsync();

        var emoji = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["cover"] = new JsonObject { ["type"] = "emoji", ["emoji"] = "📎" } });
        var unknown = await emulator.PatchAsync($"v1/pages/{Demo.MeetingNotesPage}", new JsonObject { ["cover"] = FileUpload(Guid.NewGuid().ToString()) });

        Assert.Contains("body.cover.type should be `\"external\"` or `\"file_upload\"`", emoji.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        Assert.Contains("no file upload", unknown.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task AFilesCellKeepsExternalUrlsAsGivenAndRefusesNotionHostedFiles()
    {
        await using var emulator = await StartAsync();
        var url = "https://example.com/files/budget%202025.xlsx";
        var row = await AddRowWithFilesAsync(emulator, new JsonArray(new JsonObject { ["type"] = "external", ["external"] = new JsonObject { ["url"] = url } }));
        var cell = row["properties"]!["Attachments"]!["files"]![0]!;
        Assert.Equal(url, (string?)cell["external"]!["url"]);
        Assert.Equal("budget 2025.xlsx", (string?)cell["name"]);

        var hosted = await AddRowWithFilesReplyAsync(emulator, new JsonArray(new JsonObject { ["type"] = "file", ["file"] = new JsonObject { ["url"] = url } }));
        Assert.Contains("Notion-hosted file (type file)", hosted.AssertError(HttpStatusCode.BadRequest, "validation_error"));
        var unknown = await AddRowWithFilesReplyAsync(emulator, new JsonArray(FileUpload(Guid.NewGuid().ToString())));
        Assert.Contains("no file upload", unknown.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task AnExternalUrlUploadIsImportedAtOnceAndItsFileUrlRedirectsToTheSource()
    {
        await using var emulator = await StartAsync();
        var source = "https://example.com/guide.pdf";
        var upload = await CreateAsync(emulator, new { mode = "external_url", external_url = source, filename = "guide.pdf" });
        Assert.Equal("uploaded", (string?)upload["status"]);
        Assert.Equal("success", (string?)upload["file_import_result"]!["type"]);

        var row = await AddRowWithFilesAsync(emulator, new JsonArray(FileUpload((string)upload["id"]!)));
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var reply = await noRedirect.GetAsync((string)row["properties"]!["Attachments"]!["files"]![0]!["file"]!["url"]!);
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Equal(source, reply.Headers.Location?.ToString());
    }

    [Fact]
    public async Task ListShowsTheIntegrationsUploadsNewestFirstWithStatusFilterAndPaging()
    {
        await using var emulator = await StartAsync();
        var first = (string)(await CreateAsync(emulator, new { filename = "1.txt" }))["id"]!;
        await SetClockAsync(emulator, Start.AddMinutes(1));
        var second = await UploadAsync(emulator, "2.txt", Bytes(5, 1));
        await SetClockAsync(emulator, Start.AddMinutes(2));
        var third = (string)(await CreateAsync(emulator, new { filename = "3.txt" }))["id"]!;

        var page = (await emulator.GetAsync("v1/file_uploads?page_size=2")).Json;
        Assert.Equal("file_upload", (string?)page["type"]);
        Assert.Equal([third, second], page["results"]!.AsArray().Select(u => (string)u!["id"]!));
        var rest = (await emulator.GetAsync($"v1/file_uploads?page_size=2&start_cursor={page["next_cursor"]}")).Json;
        Assert.Equal([first], rest["results"]!.AsArray().Select(u => (string)u!["id"]!));
        var pending = (await emulator.GetAsync("v1/file_uploads?status=pending")).Json;
        Assert.Equal([third, first], pending["results"]!.AsArray().Select(u => (string)u!["id"]!));

        Assert.Empty((await emulator.GetAsync("v1/file_uploads", token: Demo.ReadOnlyToken)).Json["results"]!.AsArray());
        (await emulator.GetAsync($"v1/file_uploads/{first}", token: Demo.ReadOnlyToken)).AssertError(HttpStatusCode.NotFound, "object_not_found");
        var bad = await emulator.GetAsync("v1/file_uploads?status=done");
        Assert.Contains("query.status should be one of", bad.AssertError(HttpStatusCode.BadRequest, "validation_error"));
    }

    [Fact]
    public async Task ResetForgetsUploadsAndTheirContent()
    {
        await using var emulator = await StartAsync();
        var id = await UploadAsync(emulator, "a.txt", Bytes(10, 1));
        var url = (string)(await AppendAsync(emulator, "file", FileUpload(id))).Json["results"]![0]!["file"]!["file"]!["url"]!;

        await emulator.AdminAsync(HttpMethod.Post, "reset");

        (await emulator.GetAsync($"v1/file_uploads/{id}")).AssertError(HttpStatusCode.NotFound, "object_not_found");
        using var gone = await emulator.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Contains("<Code>NoSuchKey</Code>", await gone.Content.ReadAsStringAsync());
    }

    private static Task<TestEmulator> StartAsync(Action<EmulatorOptions>? configure = null) =>
        TestEmulator.StartAsync(options =>
        {
            options.Now = Start;
            configure?.Invoke(options);
        });

    /// <summary>A file URL's expiry_time: an hour after the clock was set, which has run on since by test time only.</summary>
    private static void AssertAnHourAfter(DateTimeOffset setAt, JsonNode? expiryTime)
    {
        var expiry = DateTimeOffset.Parse((string)expiryTime!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiry, setAt.AddHours(1), setAt.AddHours(1).AddMinutes(5));
    }

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static JsonObject FileUpload(string id) => new() { ["type"] = "file_upload", ["file_upload"] = new JsonObject { ["id"] = id } };

    private static async Task<JsonNode> CreateAsync(TestEmulator emulator, object body)
    {
        var reply = await emulator.PostAsync("v1/file_uploads", body);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    private static async Task<string> UploadAsync(TestEmulator emulator, string filename, byte[] content)
    {
        var id = (string)(await CreateAsync(emulator, new { filename }))["id"]!;
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(emulator, id, content, filename)).Status);
        return id;
    }

    private static Task<Reply> SendAsync(TestEmulator emulator, string id, byte[] content, string filename, string? contentType = null, string? partNumber = null) =>
        SendAsync(emulator.Http, id, content, filename, contentType, partNumber);

    /// <summary>Sends on a connection of its own: the emulator closes one whose body it refuses.</summary>
    private static async Task<Reply> SendOnNewConnectionAsync(TestEmulator emulator, string id, byte[] content, string filename, string? partNumber = null)
    {
        using var http = new HttpClient { BaseAddress = emulator.BaseUri };
        return await SendAsync(http, id, content, filename, null, partNumber);
    }

    /// <summary>Sends as Notion's SDK does: the file first, then part_number, as multipart/form-data.</summary>
    private static async Task<Reply> SendAsync(HttpClient http, string id, byte[] content, string filename, string? contentType, string? partNumber)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? "application/octet-stream");
        form.Add(file, "file", filename);
        if (partNumber is not null)
        {
            form.Add(new StringContent(partNumber, Encoding.UTF8), "part_number");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, $"v1/file_uploads/{id}/send") { Content = form };
        request.Headers.Add("Authorization", $"Bearer {Demo.FullToken}");
        request.Headers.Add("Notion-Version", TestEmulator.DefaultVersion);
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response.Headers);
    }

    private static Task<Reply> AppendAsync(TestEmulator emulator, string blockType, JsonObject source) =>
        emulator.PatchAsync($"v1/blocks/{Demo.MeetingNotesPage}/children", new JsonObject
        {
            ["children"] = new JsonArray(new JsonObject { ["type"] = blockType, [blockType] = source }),
        });

    private static async Task SetClockAsync(TestEmulator emulator, DateTimeOffset now) =>
        await emulator.AdminAsync(HttpMethod.Put, "clock", new JsonObject { ["now"] = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });

    private static async Task<JsonNode> AddRowWithFilesAsync(TestEmulator emulator, JsonArray files)
    {
        var reply = await AddRowWithFilesReplyAsync(emulator, files);
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    private static async Task<Reply> AddRowWithFilesReplyAsync(TestEmulator emulator, JsonArray files)
    {
        var database = await emulator.AdminAsync(HttpMethod.Post, "databases", JsonNode.Parse("""
            {"title":"Files","sharedWith":["BOT"],
             "dataSources":[{"name":"Files","properties":{"Name":{"type":"title"},"Attachments":{"type":"files"}}}]}
            """.Replace("BOT", Demo.FullBotId, StringComparison.Ordinal)));
        return await emulator.PostAsync("v1/pages", new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = (string)database!["dataSources"]![0]! },
            ["properties"] = new JsonObject { ["Attachments"] = new JsonObject { ["files"] = files } },
        });
    }
}
