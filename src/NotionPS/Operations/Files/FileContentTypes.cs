using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// The file types Notion's "Working with files and media" guide lists as supported, by extension, with the
    /// content types each may be sent as (the first is the one NotionPS sends).
    /// </summary>
    internal static class FileContentTypes
    {
        private static readonly Dictionary<string, string[]> ByExtension = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            // Audio
            ["aac"] = new[] { "audio/aac" }, ["adts"] = new[] { "audio/aac" }, ["mid"] = new[] { "audio/midi" }, ["midi"] = new[] { "audio/midi" },
            ["mp3"] = new[] { "audio/mpeg" }, ["mpga"] = new[] { "audio/mpeg" }, ["m4a"] = new[] { "audio/mp4" }, ["m4b"] = new[] { "audio/mp4" },
            ["oga"] = new[] { "audio/ogg" }, ["ogg"] = new[] { "audio/ogg" }, ["wav"] = new[] { "audio/wav" }, ["wma"] = new[] { "audio/x-ms-wma" },

            // Documents
            ["pdf"] = new[] { "application/pdf" }, ["txt"] = new[] { "text/plain" }, ["json"] = new[] { "application/json" },
            ["doc"] = new[] { "application/msword" }, ["dot"] = new[] { "application/msword" },
            ["docx"] = new[] { "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
            ["dotx"] = new[] { "application/vnd.openxmlformats-officedocument.wordprocessingml.template" },
            ["xls"] = new[] { "application/vnd.ms-excel" }, ["xlt"] = new[] { "application/vnd.ms-excel" }, ["xla"] = new[] { "application/vnd.ms-excel" },
            ["xlsx"] = new[] { "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
            ["xltx"] = new[] { "application/vnd.openxmlformats-officedocument.spreadsheetml.template" },
            ["ppt"] = new[] { "application/vnd.ms-powerpoint" }, ["pot"] = new[] { "application/vnd.ms-powerpoint" },
            ["pps"] = new[] { "application/vnd.ms-powerpoint" }, ["ppa"] = new[] { "application/vnd.ms-powerpoint" },
            ["pptx"] = new[] { "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
            ["potx"] = new[] { "application/vnd.openxmlformats-officedocument.presentationml.template" },

            // Images
            ["gif"] = new[] { "image/gif" }, ["heic"] = new[] { "image/heic" }, ["jpeg"] = new[] { "image/jpeg" }, ["jpg"] = new[] { "image/jpeg" },
            ["png"] = new[] { "image/png" }, ["svg"] = new[] { "image/svg+xml" }, ["tif"] = new[] { "image/tiff" }, ["tiff"] = new[] { "image/tiff" },
            ["webp"] = new[] { "image/webp" }, ["ico"] = new[] { "image/vnd.microsoft.icon" },

            // Video
            ["amv"] = new[] { "video/x-amv" }, ["asf"] = new[] { "video/x-ms-asf" }, ["wmv"] = new[] { "video/x-ms-asf" }, ["avi"] = new[] { "video/x-msvideo" },
            ["f4v"] = new[] { "video/x-f4v" }, ["flv"] = new[] { "video/x-flv" }, ["gifv"] = new[] { "video/mp4" }, ["m4v"] = new[] { "video/mp4" },
            ["mp4"] = new[] { "video/mp4", "application/mp4", "audio/mp4" }, ["mkv"] = new[] { "video/x-matroska" }, ["webm"] = new[] { "video/webm" },
            ["mov"] = new[] { "video/quicktime" }, ["qt"] = new[] { "video/quicktime" }, ["mpeg"] = new[] { "video/mpeg" },
        };

        /// <summary>The extension of a file name without its dot, lower case, or null when it has none.</summary>
        public static string? ExtensionOf(string name)
        {
            var dot = name.LastIndexOf('.');
            return dot < 0 || dot == name.Length - 1 ? null : name.Substring(dot + 1).ToLowerInvariant();
        }

        public static bool IsSupportedExtension(string extension) => ByExtension.ContainsKey(extension);

        /// <summary>The content type NotionPS sends for a supported extension; null for any other.</summary>
        public static string? For(string extension) => ByExtension.TryGetValue(extension, out var types) ? types[0] : null;

        /// <summary>A content type without parameters, lower case ("text/plain; charset=utf-8" is "text/plain").</summary>
        public static string Normalise(string contentType) => contentType.Split(';')[0].Trim().ToLowerInvariant();

        public static bool IsSupported(string contentType) => ByExtension.Values.Any(types => types.Contains(contentType, StringComparer.OrdinalIgnoreCase));

        public static bool Matches(string extension, string contentType) =>
            ByExtension.TryGetValue(extension, out var types) && types.Contains(contentType, StringComparer.OrdinalIgnoreCase);

        /// <summary>The extension to give a name that has none: the first that carries the content type.</summary>
        public static string? ExtensionFor(string contentType) =>
            ByExtension.FirstOrDefault(pair => pair.Value.Contains(contentType, StringComparer.OrdinalIgnoreCase)).Key;

        /// <summary>
        /// The block that shows a file of this content type in a page: image, pdf, video or audio; null for a type Notion
        /// only attaches as a file to download (a document, say).
        /// </summary>
        public static string? InlineBlockType(string contentType) =>
            contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) ? "image"
            : contentType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase) ? "pdf"
            : contentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) ? "video"
            : contentType.StartsWith("audio/", StringComparison.OrdinalIgnoreCase) ? "audio"
            : null;

        /// <summary>The supported extensions, for messages.</summary>
        public static string Listed => string.Join(", ", ByExtension.Keys.Select(extension => "." + extension));
    }
}
