using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Query;

namespace NotionPS.Emulator.Files;

/// <summary>
/// <c>POST /v1/file_uploads</c>, <c>POST /v1/file_uploads/{id}/send</c> (multipart/form-data, streamed to disk),
/// <c>POST /v1/file_uploads/{id}/complete</c>, <c>GET /v1/file_uploads/{id}</c> and <c>GET /v1/file_uploads</c>.
/// </summary>
public static class FileUploadsEndpoints
{
    /// <summary>Room for the form's boundaries, headers and part_number around a part of the largest size.</summary>
    private const long FormOverheadBytes = 64 * 1024;

    private static readonly string[] Statuses = ["pending", "uploaded", "expired", "failed"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/file_uploads", CreateAsync);
        app.MapPost("/v1/file_uploads/{file_upload_id}/send", SendAsync);
        app.MapPost("/v1/file_uploads/{file_upload_id}/complete", Complete);
        app.MapGet("/v1/file_uploads/{file_upload_id}", (HttpContext context, string file_upload_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(file_upload_id, "file_upload_id");
            request.RequireRead();
            return NotionResults.Json(Render(request, request.State.Files.Find(id, request)));
        });
        app.MapGet("/v1/file_uploads", List);
        FileDownloads.Map(app);
    }

    // Takes HttpRequest, not HttpContext: a handler whose only parameter is HttpContext is taken for a RequestDelegate.
    private static async Task<IResult> CreateAsync(HttpRequest httpRequest)
    {
        var request = NotionRequest.Of(httpRequest.HttpContext);
        var body = await RequestJson.ReadObjectAsync(httpRequest.HttpContext);
        request.RequireInsert();
        var store = request.State.Files;
        var mode = RequestJson.OptionalString(body, "mode") switch
        {
            null or "single_part" => UploadMode.SinglePart,
            "multi_part" => UploadMode.MultiPart,
            "external_url" => UploadMode.ExternalUrl,
            _ => throw RequestJson.Invalid("body.mode", "`\"single_part\"`, `\"multi_part\"` or `\"external_url\"`", body["mode"]),
        };
        var contentType = RequestJson.OptionalString(body, "content_type") is { } declared ? CheckContentType(declared, "body.content_type") : null;
        var filename = RequestJson.OptionalString(body, "filename");
        if (filename is null && mode != UploadMode.SinglePart)
        {
            throw RequestJson.Invalid("body.filename", $"defined when mode is `\"{ModeName(mode)}\"`", null);
        }

        filename = filename is null ? null : CheckFilename(filename, contentType, "body.filename");
        var parts = RequestJson.OptionalNumber(body, "number_of_parts");
        if ((mode == UploadMode.MultiPart && parts is not (>= 1 and <= FileUploadStore.MaxParts)) || parts is { } count && count % 1 != 0)
        {
            throw RequestJson.Invalid("body.number_of_parts", $"a whole number between 1 and {FileUploadStore.MaxParts}", body["number_of_parts"]);
        }

        if (mode != UploadMode.MultiPart && parts is not null)
        {
            throw RequestJson.Invalid("body.number_of_parts", "not present unless mode is `\"multi_part\"`", body["number_of_parts"]);
        }

        var externalUrl = RequestJson.OptionalString(body, "external_url");
        if (mode == UploadMode.ExternalUrl
            ? externalUrl is null || !Uri.TryCreate(externalUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps
            : externalUrl is not null)
        {
            throw RequestJson.Invalid("body.external_url",
                mode == UploadMode.ExternalUrl ? "the HTTPS URL of a publicly accessible file" : "not present unless mode is `\"external_url\"`", body["external_url"]);
        }

        var now = request.State.Now;
        var upload = new FileUpload
        {
            Id = Guid.NewGuid(),
            IntegrationId = request.Integration.Id,
            CreatorId = request.Integration.ActorId,
            CreatedByPerson = request.Integration.IsPersonal,
            Mode = mode,
            CreatedTime = now,
            LastEditedTime = now,
            ExpiryTime = now + FileUploadStore.Lifetime,
            Filename = filename,
            ContentType = contentType ?? (filename is null ? null : FileTypes.MimeTypeOf(FileTypes.ExtensionOf(filename)!)),
            NumberOfParts = mode == UploadMode.MultiPart ? (int)parts!.Value : null,
            ExternalUrl = externalUrl,
        };

        // The emulator does not fetch the URL (it may run offline): the import succeeds at once and the file URL
        // redirects to the source.
        if (mode == UploadMode.ExternalUrl)
        {
            upload.IsUploaded = true;
            upload.ImportedTime = now;
        }

        store.Add(upload);
        return NotionResults.Json(Render(request, upload));
    }

    private static async Task<IResult> SendAsync(HttpContext context, string file_upload_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(file_upload_id, "file_upload_id");
        request.RequireInsert();
        var store = request.State.Files;
        var upload = store.Find(id, request);
        RequireSendable(store, upload);
        var limit = upload.Mode == UploadMode.SinglePart ? Math.Min(FileUploadStore.MaxPartBytes, store.MaxUploadBytes) : FileUploadStore.MaxPartBytes;
        var form = await ReadFormAsync(context, store, upload, limit);
        try
        {
            var partNumber = PartNumber(upload, form.PartNumber);
            var size = new FileInfo(form.ContentPath).Length;
            var received = store.Change(() =>
            {
                RequireSendable(store, upload);
                return upload.Mode == UploadMode.SinglePart
                    ? AcceptSinglePart(store, upload, form, size)
                    : AcceptPart(store, upload, partNumber, form.ContentPath, size);
            });
            return NotionResults.Json(Render(request, received));
        }
        finally
        {
            File.Delete(form.ContentPath);
        }
    }

    private static IResult Complete(HttpContext context, string file_upload_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(file_upload_id, "file_upload_id");
        request.RequireInsert();
        var store = request.State.Files;
        var upload = store.Find(id, request);
        var parts = store.Change(() =>
        {
            if (upload.Mode != UploadMode.MultiPart)
            {
                throw NotionException.Validation($"File upload {id} is a {ModeName(upload.Mode)} upload; only a multi_part upload is completed.");
            }

            RequireSendable(store, upload);
            var missing = Enumerable.Range(1, upload.NumberOfParts!.Value).Where(n => !upload.Parts.ContainsKey(n)).ToList();
            return missing.Count == 0
                ? upload.Parts.Keys.ToList()
                : throw NotionException.Validation(
                    $"File upload {id} expects {upload.NumberOfParts} parts but has not received part{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}; send them before completing it.");
        });

        // The parts are joined on disk, streamed, so a large upload never sits in memory.
        var joined = store.NewIncomingPath();
        using (var output = File.Create(joined))
        {
            foreach (var part in parts)
            {
                using var input = File.OpenRead(store.PartPath(upload, part));
                input.CopyTo(output);
            }
        }

        var completed = store.Change(() =>
        {
            File.Move(joined, store.ContentPath(upload), overwrite: true);
            foreach (var part in parts)
            {
                File.Delete(store.PartPath(upload, part));
            }

            upload.ContentLength = upload.Parts.Values.Sum();
            upload.IsUploaded = true;
            upload.LastEditedTime = request.State.Now;
            return upload;
        });
        return NotionResults.Json(Render(request, completed));
    }

    private static IResult List(HttpContext context)
    {
        var request = NotionRequest.Of(context);
        request.RequireRead();
        var status = context.Request.Query["status"].ToString();
        if (status.Length > 0 && !Statuses.Contains(status))
        {
            throw NotionException.Validation(
                $"query failed validation: query.status should be one of `\"pending\"`, `\"uploaded\"`, `\"expired\"`, `\"failed\"`, instead was `\"{status}\"`.");
        }

        var pageSize = RequestJson.PageSize(context.Request);
        var store = request.State.Files;
        var now = store.Now;
        var uploads = store.ListFor(request.Integration.Id).Where(u => status.Length == 0 || store.Change(() => u.Status(now)) == status).ToList();
        var slice = Paging.Take(uploads, u => u.Id.ToString(), context.Request.Query["start_cursor"], pageSize);
        return NotionResults.Json(ObjectRenderer.List(slice.Items.Select(u => (JsonNode)Render(request, u)), slice.NextCursor, "file_upload"));
    }

    /// <summary>The form of a send: the file streamed to a file of the store, its name and type, and part_number.</summary>
    private sealed record SentForm(string ContentPath, string? Filename, string? ContentType, string? PartNumber);

    /// <summary>
    /// Reads the multipart/form-data body section by section, streaming the <c>file</c> field to disk and stopping
    /// as soon as it passes <paramref name="limit"/>. The server's body limit is raised from the JSON 500 KB to a
    /// part's size plus the form around it, and no further.
    /// </summary>
    private static async Task<SentForm> ReadFormAsync(HttpContext context, FileUploadStore store, FileUpload upload, long limit)
    {
        var bodyLimit = FileUploadStore.MaxPartBytes + FormOverheadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = bodyLimit;
        }

        if (!MediaTypeHeaderValue.TryParse(context.Request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Length == 0)
        {
            throw NotionException.Validation(
                $"Send a file upload's content as multipart/form-data with a boundary (the file under the key \"file\"), not as \"{context.Request.ContentType}\".");
        }

        if (context.Request.ContentLength > bodyLimit)
        {
            throw TooLarge(context, upload, limit, $"{context.Request.ContentLength} bytes");
        }

        var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(mediaType.Boundary).ToString(), context.Request.Body);
        string? contentPath = null, filename = null, contentType = null, partNumber = null;
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).ToString();
                if (name == "file" && contentPath is null)
                {
                    contentPath = store.NewIncomingPath();
                    await CopyLimitedAsync(context, section.Body, contentPath, upload, limit);
                    var sentName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).ToString();
                    filename = sentName.Length == 0 ? null : sentName;
                    contentType = section.ContentType;
                }
                else if (name == "part_number")
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    var buffer = new char[16];
                    partNumber = new string(buffer, 0, await text.ReadBlockAsync(buffer, context.RequestAborted)).Trim();
                }
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            DeleteIfAny(contentPath);
            throw TooLarge(context, upload, limit, $"more than {bodyLimit} bytes");
        }
        catch (Exception error) when (error is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            DeleteIfAny(contentPath);
            throw NotionException.Validation($"The multipart/form-data body could not be read: {error.Message}");
        }
        catch
        {
            DeleteIfAny(contentPath);
            throw;
        }

        return contentPath is null
            ? throw RequestJson.Invalid("body.file", "defined (the file's content under the form key \"file\")", null)
            : new SentForm(contentPath, filename, contentType, partNumber);
    }

    private static async Task CopyLimitedAsync(HttpContext context, Stream source, string path, FileUpload upload, long limit)
    {
        await using var output = File.Create(path);
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw TooLarge(context, upload, limit, $"more than {limit} bytes");
            }

            await output.WriteAsync(buffer.AsMemory(0, read), context.RequestAborted);
        }
    }

    private static FileUpload AcceptSinglePart(FileUploadStore store, FileUpload upload, SentForm form, long size)
    {
        if (size == 0)
        {
            throw NotionException.Validation("The file sent is empty (0 bytes); Notion stores files of at least one byte.");
        }

        var filename = upload.Filename ?? (form.Filename is null ? null : CheckFilename(form.Filename, upload.ContentType, "body.file.filename"));
        var contentType = upload.ContentType ?? SentContentType(form.ContentType) ?? (filename is null ? null : FileTypes.MimeTypeOf(FileTypes.ExtensionOf(filename)!))
            ?? throw NotionException.Validation(
                "The file's content type is unknown: give content_type or a filename with a supported extension when creating the upload, or a file name when sending it.");
        if (SentContentType(form.ContentType) is { } sent && sent != contentType && !(filename is not null && FileTypes.Matches(FileTypes.ExtensionOf(filename)!, sent)))
        {
            throw NotionException.Validation($"The file was sent as {sent}, but the upload was created for {contentType}; they must match.");
        }

        File.Move(form.ContentPath, store.ContentPath(upload), overwrite: true);
        upload.Filename = filename ?? $"file.{FileTypes.ExtensionFor(contentType)}";
        upload.ContentType = contentType;
        upload.ContentLength = size;
        upload.IsUploaded = true;
        upload.LastEditedTime = WorkspaceMinute(store);
        return upload;
    }

    private static FileUpload AcceptPart(FileUploadStore store, FileUpload upload, int partNumber, string path, long size)
    {
        var isLast = partNumber == upload.NumberOfParts;
        if (size == 0 || (!isLast && size < FileUploadStore.MinPartBytes))
        {
            throw NotionException.Validation(
                $"Part {partNumber} holds {size} bytes; every part but the last (part {upload.NumberOfParts}) must hold 5 to 20 MiB ({FileUploadStore.MinPartBytes} to {FileUploadStore.MaxPartBytes} bytes), and the last at least one byte.");
        }

        var total = upload.Parts.Where(p => p.Key != partNumber).Sum(p => p.Value) + size;
        if (total > store.MaxUploadBytes)
        {
            throw NotionException.Validation(
                $"The parts sent so far hold {total} bytes, more than this workspace's maximum file size of {store.MaxUploadBytes} bytes (bot.workspace_limits.max_file_upload_size_in_bytes).");
        }

        File.Move(path, store.PartPath(upload, partNumber), overwrite: true);
        upload.Parts[partNumber] = size;
        upload.LastEditedTime = WorkspaceMinute(store);
        return upload;
    }

    private static DateTimeOffset WorkspaceMinute(FileUploadStore store) => Workspace.WorkspaceObject.ToMinute(store.Now);

    private static int PartNumber(FileUpload upload, string? raw)
    {
        if (upload.Mode == UploadMode.SinglePart)
        {
            return raw is null or "1"
                ? 1
                : throw RequestJson.Invalid("body.part_number", "not present for a single_part upload (create the upload with mode multi_part to send parts)", raw);
        }

        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= upload.NumberOfParts
            ? number
            : throw RequestJson.Invalid("body.part_number", $"a whole number between 1 and {upload.NumberOfParts} (the upload's number_of_parts), sent as a form field", raw);
    }

    /// <summary>Only a pending upload takes content; an uploaded, expired or external one is refused.</summary>
    private static void RequireSendable(FileUploadStore store, FileUpload upload)
    {
        var status = upload.Status(store.Now);
        if (upload.Mode == UploadMode.ExternalUrl || status != "pending")
        {
            throw NotionException.Validation(status switch
            {
                "expired" => $"File upload {upload.Id} expired at {ObjectRenderer.Timestamp(upload.ExpiryTime!.Value)}; create a new upload.",
                _ when upload.Mode == UploadMode.ExternalUrl => $"File upload {upload.Id} imports an external URL; it takes no content.",
                _ => $"File upload {upload.Id} is already {status}; create a new upload to send other content.",
            });
        }
    }

    private static NotionException TooLarge(HttpContext context, FileUpload upload, long limit, string actual)
    {
        // The rest of the body is not wanted: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        var store = NotionRequest.Of(context).State.Files;
        return NotionException.Validation(upload.Mode == UploadMode.SinglePart && limit < FileUploadStore.MaxPartBytes
            ? $"The file is {actual}, more than this workspace's maximum file size of {store.MaxUploadBytes} bytes (bot.workspace_limits.max_file_upload_size_in_bytes)."
            : upload.Mode == UploadMode.SinglePart
                ? $"The file is {actual}, more than a single_part upload takes ({FileUploadStore.MaxPartBytes} bytes, 20 MiB); create a multi_part upload and send 5-20 MiB parts."
                : $"The part is {actual}, more than a part may hold ({FileUploadStore.MaxPartBytes} bytes, 20 MiB).");
    }

    private static string? SentContentType(string? raw) =>
        raw is null || FileTypes.Normalise(raw) is "application/octet-stream" or "" ? null : CheckContentType(raw, "body.file.content_type");

    private static string CheckContentType(string raw, string path)
    {
        var type = FileTypes.Normalise(raw);
        return FileTypes.IsSupported(type)
            ? type
            : throw NotionException.Validation(
                $"{path}: {type} is not a file type Notion accepts (audio, documents such as PDF, text, JSON and Office files, images and video; see \"Working with files and media\").");
    }

    /// <summary>A filename Notion takes: at most 900 UTF-8 bytes, a supported extension (added from the content type when missing) that fits the content type.</summary>
    private static string CheckFilename(string filename, string? contentType, string path)
    {
        if (filename.Trim().Length == 0)
        {
            throw RequestJson.Invalid(path, "a file name", JsonValue.Create(filename));
        }

        var extension = FileTypes.ExtensionOf(filename);
        if (extension is null)
        {
            extension = contentType is null
                ? throw NotionException.Validation($"{path}: \"{filename}\" has no extension, and no content_type was given to infer one from; add an extension such as .txt or .png.")
                : FileTypes.ExtensionFor(contentType)!;
            filename = $"{filename}.{extension}";
        }

        if (Encoding.UTF8.GetByteCount(filename) > FileUploadStore.MaxFilenameBytes)
        {
            throw NotionException.Validation(
                $"body failed validation: {path} should be at most {FileUploadStore.MaxFilenameBytes} bytes long (UTF-8, extension included), instead was {Encoding.UTF8.GetByteCount(filename)}.");
        }

        if (!FileTypes.IsSupportedExtension(extension))
        {
            throw NotionException.Validation($"{path}: .{extension} is not a file extension Notion accepts (see \"Working with files and media\" for the supported types).");
        }

        return contentType is null || FileTypes.Matches(extension, contentType)
            ? filename
            : throw NotionException.Validation($"{path}: the extension .{extension} does not match the content type {contentType}.");
    }

    private static string ModeName(UploadMode mode) => mode switch
    {
        UploadMode.MultiPart => "multi_part",
        UploadMode.ExternalUrl => "external_url",
        _ => "single_part",
    };

    private static JsonObject Render(NotionRequest request, FileUpload upload)
    {
        var store = request.State.Files;
        return store.Change(() =>
        {
            var status = upload.Status(store.Now);
            var result = new JsonObject
            {
                ["object"] = "file_upload",
                ["id"] = upload.Id.ToString(),
                ["created_time"] = ObjectRenderer.Timestamp(upload.CreatedTime),
                ["created_by"] = new JsonObject { ["id"] = upload.CreatorId.ToString(), ["type"] = upload.CreatedByPerson ? "person" : "bot" },
                ["last_edited_time"] = ObjectRenderer.Timestamp(upload.LastEditedTime),
            };
            request.Version.WriteTrashFlags(result, false);
            result["expiry_time"] = upload.ExpiryTime is { } expiry ? ObjectRenderer.Timestamp(expiry) : null;
            result["status"] = status;
            result["filename"] = upload.Filename;
            result["content_type"] = upload.ContentType;
            result["content_length"] = upload.ContentLength;
            if (status == "pending")
            {
                result["upload_url"] = new Uri(store.BaseUri, $"v1/file_uploads/{upload.Id}/send").ToString();
                if (upload.Mode == UploadMode.MultiPart)
                {
                    result["complete_url"] = new Uri(store.BaseUri, $"v1/file_uploads/{upload.Id}/complete").ToString();
                }
            }

            if (upload.ImportedTime is { } imported)
            {
                result["file_import_result"] = new JsonObject
                {
                    ["imported_time"] = ObjectRenderer.Timestamp(imported),
                    ["type"] = "success",
                    ["success"] = new JsonObject(),
                };
            }

            if (upload.Mode == UploadMode.MultiPart)
            {
                result["number_of_parts"] = new JsonObject { ["total"] = upload.NumberOfParts, ["sent"] = upload.Parts.Count };
            }

            return result;
        });
    }

    private static void DeleteIfAny(string? path)
    {
        if (path is not null)
        {
            File.Delete(path);
        }
    }
}
