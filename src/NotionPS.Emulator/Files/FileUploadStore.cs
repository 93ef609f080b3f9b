using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;

namespace NotionPS.Emulator.Files;

/// <summary>
/// The file uploads of one emulator and their content. Content always goes to disk, in a folder of the system's
/// temp folder that belongs to this emulator: a part is streamed there as it arrives, so memory holds no more than
/// a copy buffer, whatever the size. The folder is emptied on reset and deleted on shutdown.
/// Files are served back at signed URLs under <c>/__emulator/files/</c> that expire an hour after they were issued.
/// </summary>
public sealed class FileUploadStore : IDisposable
{
    public const long MiB = 1024 * 1024;

    /// <summary>The most a single-part upload or any one part of a multi-part upload may hold (20 MiB).</summary>
    public const long MaxPartBytes = 20 * MiB;

    /// <summary>The least every part but the last of a multi-part upload must hold (5 MiB).</summary>
    public const long MinPartBytes = 5 * MiB;

    public const int MaxParts = 1000;

    /// <summary>Notion's limit on a filename, in UTF-8 bytes, extension included.</summary>
    public const int MaxFilenameBytes = 900;

    public const string DownloadPrefix = "/__emulator/files";

    /// <summary>How long an upload waits to be attached, and how long a file URL stays valid: an hour, as in Notion.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, FileUpload> _uploads = [];
    private readonly byte[] _signingKey = RandomNumberGenerator.GetBytes(32);
    private readonly TimeProvider _clock;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"notionps-emulator-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public FileUploadStore(TimeProvider clock, long maxUploadBytes)
    {
        _clock = clock;
        MaxUploadBytes = maxUploadBytes;
    }

    /// <summary>The workspace's largest file, as <c>bot.workspace_limits.max_file_upload_size_in_bytes</c> reports it.</summary>
    public long MaxUploadBytes { get; }

    /// <summary>Where the emulator answers; upload and file URLs are built on it. Set once the server has bound its address.</summary>
    public Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    public DateTimeOffset Now => _clock.GetUtcNow();

    public void Add(FileUpload upload)
    {
        lock (_gate)
        {
            _uploads.Add(upload.Id, upload);
        }
    }

    /// <summary>An upload the integration created, or Notion's 404.</summary>
    public FileUpload Find(Guid id, NotionRequest request)
    {
        lock (_gate)
        {
            return _uploads.TryGetValue(id, out var upload) && upload.IntegrationId == request.Integration.Id
                ? upload
                : throw NotionException.NotFound("file upload", id, request.Integration.Name);
        }
    }

    /// <summary>The integration's uploads, most recent first.</summary>
    public List<FileUpload> ListFor(Guid integrationId)
    {
        lock (_gate)
        {
            return [.. _uploads.Values.Where(u => u.IntegrationId == integrationId).Reverse().OrderByDescending(u => u.CreatedTime)];
        }
    }

    /// <summary>Runs a change to uploads under the store's lock, so parts sent at once do not step on each other.</summary>
    public T Change<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    /// <summary>A new file in the store's folder to stream incoming content into.</summary>
    public string NewIncomingPath()
    {
        Directory.CreateDirectory(_folder);
        return Path.Combine(_folder, $"{Guid.NewGuid():N}.incoming");
    }

    public string ContentPath(FileUpload upload) => Path.Combine(_folder, upload.Id.ToString("N"));

    public string PartPath(FileUpload upload, int partNumber) => Path.Combine(_folder, $"{upload.Id:N}.part{partNumber}");

    /// <summary>The URL a stored file is served at, signed, valid until <paramref name="expires"/>.</summary>
    public string DownloadUrl(FileUpload upload, DateTimeOffset expires)
    {
        var seconds = expires.ToUnixTimeSeconds();
        var name = Uri.EscapeDataString(upload.Filename ?? "file");
        return new Uri(BaseUri, $"{DownloadPrefix.TrimStart('/')}/{upload.Id:N}/{name}?expires={seconds}&signature={Sign(upload.Id, seconds)}").ToString();
    }

    public string Sign(Guid id, long expires) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(_signingKey, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id:N}.{expires}"))));

    /// <summary>A stored upload by ID for the download endpoint, whoever asks (the signature is the permission).</summary>
    public FileUpload? FindForDownload(Guid id)
    {
        lock (_gate)
        {
            return _uploads.GetValueOrDefault(id);
        }
    }

    /// <summary>
    /// A stored file reference as Notion returns it: an attached upload (<c>{"type":"file_upload",...}</c> as
    /// stored) becomes <c>{"type":"file","file":{"url","expiry_time"}}</c> with a fresh signed URL; anything else,
    /// an external URL included, is returned as it is. Arrays (a files property) are rendered item by item.
    /// </summary>
    public JsonNode? Render(JsonNode? stored)
    {
        switch (stored)
        {
            case JsonArray items:
                return new JsonArray([.. items.Select(Render)]);
            case JsonObject reference when reference["type"]?.GetValue<string>() == "file_upload"
                && Guid.TryParse(reference["file_upload"]?["id"]?.GetValue<string>(), out var id):
                var rendered = new JsonObject();
                // To the second, as the URL's own expires parameter.
                var expires = DateTimeOffset.FromUnixTimeSeconds((Now + Lifetime).ToUnixTimeSeconds());
                var upload = FindForDownload(id);
                foreach (var (key, value) in reference)
                {
                    // "file" takes the place of "file_upload", keeping the order of keys Notion shows.
                    if (key == "file_upload")
                    {
                        rendered["file"] = new JsonObject
                        {
                            ["url"] = upload is null ? "" : DownloadUrl(upload, expires),
                            ["expiry_time"] = ObjectRenderer.Timestamp(expires),
                        };
                    }
                    else
                    {
                        rendered[key] = key == "type" ? "file" : value?.DeepClone();
                    }
                }

                return rendered;
            default:
                return stored?.DeepClone();
        }
    }

    /// <summary>Starts checking the uploads a request attaches; nothing is marked attached until <see cref="Attachments.Commit"/>.</summary>
    public Attachments Attach(NotionRequest request) => new(this, request);

    /// <summary>Back to no uploads: the content on disk is deleted.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _uploads.Clear();
            DeleteFolder();
        }
    }

    public void Dispose() => Clear();

    /// <summary>Best effort: a file a download still streams cannot be deleted on Windows; the temp folder is the system's to clean then.</summary>
    private void DeleteFolder()
    {
        try
        {
            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The uploads one request attaches, each checked where it is found; committed together once all pass.</summary>
    public sealed class Attachments(FileUploadStore store, NotionRequest request)
    {
        private readonly List<FileUpload> _found = [];

        /// <summary>
        /// Checks every <c>file_upload</c> reference in <paramref name="node"/> for a place (a block type, "files",
        /// "icon" or "cover"): it must be this integration's, uploaded, not expired, and of a type the place takes.
        /// A reference with an empty name gets the upload's filename.
        /// </summary>
        public Attachments Check(JsonNode? node, string place, string path)
        {
            switch (node)
            {
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        Check(items[i], place, $"{path}[{i}]");
                    }

                    break;
                case JsonObject reference when reference["type"]?.GetValue<string>() == "file_upload":
                    var id = Guid.Parse(reference["file_upload"]!["id"]!.GetValue<string>());
                    var upload = Usable(id, place, path);
                    if (reference.ContainsKey("name") && string.IsNullOrEmpty(reference["name"]?.GetValue<string>()))
                    {
                        reference["name"] = upload.Filename;
                    }

                    _found.Add(upload);
                    break;
            }

            return this;
        }

        /// <summary>Checks the uploads of blocks and their children, each for its own block type.</summary>
        public Attachments CheckBlocks(IReadOnlyList<Endpoints.BlockDraft> drafts, string path)
        {
            for (var i = 0; i < drafts.Count; i++)
            {
                Check(drafts[i].Content, drafts[i].Type, $"{path}[{i}].{drafts[i].Type}");
                CheckBlocks(drafts[i].Children, $"{path}[{i}].{drafts[i].Type}.children");
            }

            return this;
        }

        /// <summary>Checks the uploads of converted property values (only a files cell holds any).</summary>
        public Attachments CheckValues(IReadOnlyDictionary<string, JsonNode?> values)
        {
            foreach (var (propertyId, value) in values)
            {
                Check(value, "files", $"body.properties.{propertyId}.files");
            }

            return this;
        }

        /// <summary>Marks every checked upload attached: it no longer expires and may be attached again.</summary>
        public void Commit()
        {
            store.Change(() =>
            {
                foreach (var upload in _found)
                {
                    upload.ExpiryTime = null;
                }

                return 0;
            });
        }

        private FileUpload Usable(Guid id, string place, string path)
        {
            FileUpload upload;
            try
            {
                upload = store.Find(id, request);
            }
            catch (NotionException)
            {
                throw NotionException.Validation(
                    $"{path}.file_upload.id: no file upload {id} was created by the integration \"{request.Integration.Name}\". Create one with POST /v1/file_uploads and send its content first.");
            }

            var status = store.Change(() => upload.Status(store.Now));
            var refusal = status switch
            {
                "expired" => $"File upload {id} expired at {ObjectRenderer.Timestamp(upload.ExpiryTime!.Value)} without being attached; create and send a new upload.",
                "pending" => $"File upload {id} is still pending: send its content{(upload.Mode == UploadMode.MultiPart ? " and complete it" : "")} before attaching it ({path}).",
                _ => upload.ContentType is { } type && !FileTypes.FitsPlace(place, type)
                    ? $"File upload {id} is {type}, which a{(place is "image" or "icon" ? "n" : "")} {place}{(place is "icon" or "cover" ? "" : " block")} cannot hold ({path}); {PlaceRule(place)}."
                    : null,
            };
            return refusal is null ? upload : throw NotionException.Validation(refusal);
        }

        private static string PlaceRule(string place) => place switch
        {
            "video" => "a video block takes video files",
            "audio" => "an audio block takes audio files",
            "pdf" => "a pdf block takes application/pdf",
            _ => $"a page {place} or an image block takes images",
        };
    }
}
