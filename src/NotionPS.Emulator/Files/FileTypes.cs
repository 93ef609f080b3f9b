namespace NotionPS.Emulator.Files;

/// <summary>
/// The file types Notion's "Working with files and media" guide lists as supported: each extension with the MIME
/// types it may carry. A type the guide leaves without a MIME type (.flv, .gifv, .mkv) gets its common one.
/// </summary>
public static class FileTypes
{
    private static readonly Dictionary<string, string[]> MimeTypesByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        // Audio
        ["aac"] = ["audio/aac"], ["adts"] = ["audio/aac"], ["mid"] = ["audio/midi"], ["midi"] = ["audio/midi"],
        ["mp3"] = ["audio/mpeg"], ["mpga"] = ["audio/mpeg"], ["m4a"] = ["audio/mp4"], ["m4b"] = ["audio/mp4"],
        ["oga"] = ["audio/ogg"], ["ogg"] = ["audio/ogg"], ["wav"] = ["audio/wav"], ["wma"] = ["audio/x-ms-wma"],
        // Documents
        ["pdf"] = ["application/pdf"], ["txt"] = ["text/plain"], ["json"] = ["application/json"],
        ["doc"] = ["application/msword"], ["dot"] = ["application/msword"],
        ["docx"] = ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
        ["dotx"] = ["application/vnd.openxmlformats-officedocument.wordprocessingml.template"],
        ["xls"] = ["application/vnd.ms-excel"], ["xlt"] = ["application/vnd.ms-excel"], ["xla"] = ["application/vnd.ms-excel"],
        ["xlsx"] = ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
        ["xltx"] = ["application/vnd.openxmlformats-officedocument.spreadsheetml.template"],
        ["ppt"] = ["application/vnd.ms-powerpoint"], ["pot"] = ["application/vnd.ms-powerpoint"],
        ["pps"] = ["application/vnd.ms-powerpoint"], ["ppa"] = ["application/vnd.ms-powerpoint"],
        ["pptx"] = ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
        ["potx"] = ["application/vnd.openxmlformats-officedocument.presentationml.template"],
        // Images
        ["gif"] = ["image/gif"], ["heic"] = ["image/heic"], ["jpeg"] = ["image/jpeg"], ["jpg"] = ["image/jpeg"],
        ["png"] = ["image/png"], ["svg"] = ["image/svg+xml"], ["tif"] = ["image/tiff"], ["tiff"] = ["image/tiff"],
        ["webp"] = ["image/webp"], ["ico"] = ["image/vnd.microsoft.icon"],
        // Video (.mp4 is listed under audio as well)
        ["amv"] = ["video/x-amv"], ["asf"] = ["video/x-ms-asf"], ["wmv"] = ["video/x-ms-asf"], ["avi"] = ["video/x-msvideo"],
        ["f4v"] = ["video/x-f4v"], ["flv"] = ["video/x-flv"], ["gifv"] = ["video/mp4"], ["m4v"] = ["video/mp4"],
        ["mp4"] = ["video/mp4", "application/mp4", "audio/mp4"], ["mkv"] = ["video/x-matroska"], ["webm"] = ["video/webm"],
        ["mov"] = ["video/quicktime"], ["qt"] = ["video/quicktime"], ["mpeg"] = ["video/mpeg"],
    };

    private static readonly HashSet<string> SupportedMimeTypes = new(MimeTypesByExtension.Values.SelectMany(m => m), StringComparer.OrdinalIgnoreCase);

    /// <summary>The MIME type without parameters, lower case: "text/plain; charset=utf-8" is "text/plain".</summary>
    public static string Normalise(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

    public static bool IsSupported(string mimeType) => SupportedMimeTypes.Contains(mimeType);

    /// <summary>The extension of a file name without its dot, or null when it has none.</summary>
    public static string? ExtensionOf(string filename)
    {
        var extension = Path.GetExtension(filename);
        return extension.Length > 1 ? extension[1..] : null;
    }

    public static bool IsSupportedExtension(string extension) => MimeTypesByExtension.ContainsKey(extension);

    /// <summary>The MIME type a supported extension stands for (its first, for .mp4 video/mp4); null when unsupported.</summary>
    public static string? MimeTypeOf(string extension) =>
        MimeTypesByExtension.TryGetValue(extension, out var types) ? types[0] : null;

    public static bool Matches(string extension, string mimeType) =>
        MimeTypesByExtension.TryGetValue(extension, out var types) && types.Contains(mimeType, StringComparer.OrdinalIgnoreCase);

    /// <summary>The extension to add to a name that has none: the first one that carries the MIME type.</summary>
    public static string? ExtensionFor(string mimeType) =>
        MimeTypesByExtension.FirstOrDefault(pair => pair.Value.Contains(mimeType, StringComparer.OrdinalIgnoreCase)).Key;

    /// <summary>
    /// Whether a file of this type may go where it is attached: an image block, a page icon or cover take images,
    /// a video block videos, an audio block audio, a PDF block PDFs; a file block and a files property take any.
    /// </summary>
    public static bool FitsPlace(string place, string mimeType) => place switch
    {
        "image" or "icon" or "cover" => mimeType.StartsWith("image/", StringComparison.Ordinal),
        "video" => mimeType.StartsWith("video/", StringComparison.Ordinal) || mimeType == "application/mp4",
        "audio" => mimeType.StartsWith("audio/", StringComparison.Ordinal),
        "pdf" => mimeType == "application/pdf",
        _ => true,
    };
}
