using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Content
{
    /// <summary>
    /// The block that shows a linked file in a page (<c>![caption](https://...)</c>), by the extension of the URL's path:
    /// a pdf block for a PDF, a video or audio block for the video and audio extensions Notion's "Working with files and
    /// media" guide lists (Operations.Files.FileContentTypes keeps the same lists, with content types, for uploads), an
    /// image block for anything else, as Markdown means it.
    /// </summary>
    internal static class MediaUrls
    {
        private static readonly Dictionary<string, string> BlockTypeByExtension =
            new[] { "pdf" }.Select(extension => (extension, "pdf"))
                .Concat(new[] { "amv", "asf", "wmv", "avi", "f4v", "flv", "gifv", "m4v", "mp4", "mkv", "webm", "mov", "qt", "mpeg" }.Select(extension => (extension, "video")))
                .Concat(new[] { "aac", "adts", "mid", "midi", "mp3", "mpga", "m4a", "m4b", "oga", "ogg", "wav", "wma" }.Select(extension => (extension, "audio")))
                .ToDictionary(pair => pair.Item1, pair => pair.Item2, StringComparer.OrdinalIgnoreCase);

        /// <summary>image, pdf, video or audio: the block <c>![caption](url)</c> makes of an absolute URL.</summary>
        public static string BlockTypeFor(string url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                return "image";
            }

            var path = uri.AbsolutePath;
            var name = path.Substring(path.LastIndexOf('/') + 1);
            var dot = name.LastIndexOf('.');
            return dot >= 0 && BlockTypeByExtension.TryGetValue(name.Substring(dot + 1), out var type) ? type : "image";
        }
    }
}
