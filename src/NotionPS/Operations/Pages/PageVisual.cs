using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>What a page icon or cover is made of.</summary>
    internal enum PageVisualKind
    {
        /// <summary>An emoji (an icon only).</summary>
        Emoji,

        /// <summary>An image on the web, linked by its http(s) URL.</summary>
        External,

        /// <summary>A local image file, uploaded when the page is written.</summary>
        LocalFile,

        /// <summary>A file upload made earlier (Send-NotionFile), attached by its ID.</summary>
        Upload,

        /// <summary>A custom emoji of the workspace, given by name as <c>:name:</c> and written by its ID (an icon only).</summary>
        CustomEmoji,
    }

    /// <summary>
    /// A page's icon or cover as the user gave it, checked before any request: an emoji, a custom emoji's <c>:name:</c>,
    /// an http(s) URL, a local image file or an earlier upload. Whatever cannot work (empty text, a control character, a link of another scheme or with a password in it, a file
    /// that is not an image, a link or device in place of a file) fails here, so no page is half written for it.
    /// </summary>
    internal sealed class PageVisual
    {
        /// <summary>What the messages call the place: "icon" or "cover".</summary>
        public const string Icon = "icon";

        public const string Cover = "cover";

        /// <summary>UTF-16 units; the longest emoji sequences (two people with skin tones, joined) take 15.</summary>
        private const int MaxEmojiLength = 32;

        /// <summary>Notion's limit on any URL in a request (NOTION-API.md, limits).</summary>
        private const int MaxUrlLength = 2000;

        private const string Accepted = "an emoji or a custom emoji's :name: (icon only), an http(s) URL, the path of a local image file, or a file upload of an image";

        // A scheme of two letters or more: "C:\x.png" is a path, "https://..." or "javascript:..." a link.
        private static readonly Regex SchemePrefix = new Regex("^([A-Za-z][A-Za-z0-9+.-]+):", RegexOptions.CultureInvariant);

        // A custom emoji as Get-NotionPage shows it: its name between colons, the name holding no colon.
        private static readonly Regex CustomEmojiName = new Regex("^:([^:]*[^:\\s][^:]*):$", RegexOptions.CultureInvariant);

        private PageVisual(PageVisualKind kind, string value, LocalFile? file = null, string? customEmojiId = null)
        {
            Kind = kind;
            Value = value;
            File = file;
            CustomEmojiId = customEmojiId;
        }

        public PageVisualKind Kind { get; }

        /// <summary>The emoji, the custom emoji's name (without colons), the URL, the file's full path or the upload's ID.</summary>
        public string Value { get; }

        /// <summary>The custom emoji's ID, once found by its name (<see cref="WithCustomEmojiId"/>).</summary>
        public string? CustomEmojiId { get; }

        /// <summary>The checked local file, for <see cref="PageVisualKind.LocalFile"/>.</summary>
        public LocalFile? File { get; }

        /// <summary>
        /// Text as an emoji or a link; null when it is neither and so names a local file, which the caller resolves (it
        /// knows the current location) and checks with <see cref="FromFile"/>.
        /// </summary>
        /// <param name="isDriveName">Whether a name before a colon is a drive ("TestDrive:\logo.png" is a path, not a link).</param>
        /// <exception cref="PageVisualException">The text can never be an icon or cover.</exception>
        public static PageVisual? FromText(string text, string place, Func<string, bool> isDriveName)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualEmpty, $"The page {place} is empty. Give {Accepted}.");
            }

            var control = IndexOfControl(text);
            if (control >= 0)
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualControlCharacter,
                    $"The page {place} holds the control character U+{(int)text[control]:X4} at position {control + 1}. Give {Accepted}, without line breaks, tabs or other control characters.");
            }

            var lone = IndexOfLoneSurrogate(text);
            if (lone >= 0)
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualInvalid,
                    $"The page {place} holds U+{(int)text[lone]:X4} at position {lone + 1}: half of a character written with two (an emoji cut in two, say), which is no emoji, link or path. Give {Accepted}, each character whole.");
            }

            text = text.Trim();

            // ':name:' is always a custom emoji: Windows allows no colon in a file name, and on Linux and macOS a file
            // named so ends in a colon, not in an image's extension, so it could never be an icon (and './:name:' names it).
            var customEmoji = CustomEmojiName.Match(text);
            if (customEmoji.Success)
            {
                return place == Icon
                    ? new PageVisual(PageVisualKind.CustomEmoji, customEmoji.Groups[1].Value)
                    : throw new PageVisualException(NotionErrorIds.NotionPageCoverEmoji, $"'{text}' is a custom emoji, and a page cover is an image: give an http(s) URL, the path of a local image file, or a file upload of an image.");
            }

            var scheme = SchemePrefix.Match(text);
            if (scheme.Success && !isDriveName(scheme.Groups[1].Value))
            {
                return Link(text, scheme.Groups[1].Value, place);
            }

            if (!LooksLikeEmoji(text))
            {
                return null;
            }

            return place == Icon
                ? new PageVisual(PageVisualKind.Emoji, text)
                : throw new PageVisualException(NotionErrorIds.NotionPageCoverEmoji, $"'{text}' is an emoji, and a page cover is an image: give an http(s) URL, the path of a local image file, or a file upload of an image.");
        }

        /// <summary>This custom emoji, with the ID its name was found under.</summary>
        public PageVisual WithCustomEmojiId(string id) => new PageVisual(Kind, Value, File, id);

        /// <summary>A local file as a page icon or cover: a regular image file, not empty, of a type Notion takes.</summary>
        /// <param name="path">The full path.</param>
        /// <exception cref="PageVisualException">Not a regular file, or not an image.</exception>
        /// <exception cref="NotionFileException">Missing, empty, unreadable, or refused by name.</exception>
        public static PageVisual FromFile(string path, string place)
        {
            string? elsewhere;
            try
            {
                elsewhere = LocalEntry.NotAFile(path) ?? NotAFileReason(System.IO.File.GetAttributes(path), LocalEntry.IsLink(path));
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNotFound,
                    $"No file '{ShownPaths.Shown(path)}'. A page {place} is {Accepted}: check the path, or the spelling of the emoji or URL.", ex);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileUnreadable, $"'{ShownPaths.Shown(path)}' cannot be read: {ShownPaths.Reason(ex, path)}", ex);
            }

            if (elsewhere != null)
            {
                throw NotAFile(path, elsewhere);
            }

            // The size first, from the directory entry: a pipe or special file reports none, and opening one could wait forever.
            if (new FileInfo(path).Length == 0)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileEmpty, $"'{ShownPaths.Shown(path)}' is empty (0 bytes) or not a regular file. Give an image file.");
            }

            var extension = FileContentTypes.ExtensionOf(Path.GetFileName(path));
            var type = extension == null ? null : FileContentTypes.For(extension);
            if (!IsImage(type))
            {
                throw NotAnImage($"'{ShownPaths.Shown(path)}'", type, place);
            }

            return new PageVisual(PageVisualKind.LocalFile, path, LocalFile.Check(path, null, null));
        }

        /// <summary>
        /// What a local entry is when it is not a file to upload as an image, or null: a folder, a device, or a link
        /// (<paramref name="isLink"/>, as <see cref="LocalEntry.IsLink"/> tells it, the one rule of the module). Other
        /// reparse points are files: OneDrive's Files On-Demand marks every file with ReparsePoint.
        /// </summary>
        internal static string? NotAFileReason(FileAttributes attributes, bool isLink) =>
            (attributes & FileAttributes.Directory) != 0 ? "a folder"
                : isLink ? "a link to another file (a symbolic link or junction)"
                : (attributes & FileAttributes.Device) != 0 ? "a device, not a file"
                : null;

        /// <summary>An upload made earlier: an image, and uploaded (its content all sent).</summary>
        /// <exception cref="PageVisualException">Not an image, or not uploaded.</exception>
        public static PageVisual FromUpload(NotionFileUpload upload, string place)
        {
            if (upload.ContentType != null && !IsImage(FileContentTypes.Normalise(upload.ContentType)))
            {
                throw NotAnImage($"The upload '{ServerText.Visible(upload.Name)}' ({upload.Id})", upload.ContentType, place);
            }

            return upload.Status == "uploaded"
                ? new PageVisual(PageVisualKind.Upload, upload.Id)
                : throw new PageVisualException(NotionErrorIds.NotionPageVisualInvalid,
                    $"The upload '{ServerText.Visible(upload.Name)}' ({upload.Id}) is {ServerText.Visible(upload.Status)}, not uploaded: only an upload whose content was all sent can be attached. Send the file again.");
        }

        /// <summary>
        /// Text made only of pictographs and the marks that join or dress them (ZWJ, variation selectors, skin tones,
        /// keycaps): no letter, no path. Notion decides whether it is one of its emoji.
        /// </summary>
        internal static bool LooksLikeEmoji(string text)
        {
            if (text.Length == 0 || text.Length > MaxEmojiLength)
            {
                return false;
            }

            var pictograph = false;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsSurrogate(c))
                {
                    pictograph = true;
                    continue;
                }

                switch (CharUnicodeInfo.GetUnicodeCategory(c))
                {
                    case UnicodeCategory.OtherSymbol:
                    case UnicodeCategory.EnclosingMark:
                        pictograph = true;
                        break;
                    case UnicodeCategory.NonSpacingMark:
                    case UnicodeCategory.Format:
                    case UnicodeCategory.ModifierSymbol:
                        break;
                    default:
                        if (i + 1 < text.Length && text[i + 1] == '\uFE0F')
                        {
                            // Any character the emoji presentation selector follows is shown as an emoji: ℹ️, ↔️, ‼️, 〰️, 1️⃣.
                            pictograph = true;
                        }
                        else if (!(IsKeycapBase(c) && i + 1 < text.Length && text[i + 1] == '\u20E3') && !DefaultEmoji(c))
                        {
                            return false;
                        }
                        else
                        {
                            pictograph = true;
                        }

                        break;
                }
            }

            return pictograph;
        }

        private static PageVisual Link(string text, string scheme, string place)
        {
            var web = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("http", StringComparison.OrdinalIgnoreCase);
            if (!web)
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualUrlRefused,
                    $"'{scheme}:' links cannot be a page {place}: Notion shows images from http(s) URLs only. Give an http(s) URL, or a local file by its path (not a file: link).");
            }

            if (WebUrls.HasCredentials(text))
            {
                throw new PageVisualException(NotionErrorIds.NotionUrlCredentialsRefused, $"The page {place} URL '{WebUrls.Shown(text)}' {WebUrls.CredentialsRefused(isShown: true)}");
            }

            if (text.Length > MaxUrlLength)
            {
                throw new PageVisualException(NotionErrorIds.NotionPageVisualUrlRefused,
                    $"The URL for the page {place} is {text.Length:N0} characters long, and Notion takes URLs of at most {MaxUrlLength:N0}. Give a shorter URL, or upload the image (a local path, or Send-NotionFile).");
            }

            return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Host.Length > 0
                ? new PageVisual(PageVisualKind.External, text)
                : throw new PageVisualException(NotionErrorIds.NotionPageVisualUrlRefused, $"'{WebUrls.Shown(text)}' is not a valid http(s) URL for a page {place}: it needs a host, as in https://example.com/logo.png.");
        }

        private static PageVisualException NotAFile(string path, string what) =>
            new PageVisualException(NotionErrorIds.NotionPageVisualNotAFile, $"'{ShownPaths.Shown(path)}' is {what}. Give the path of the image file itself.");

        private static PageVisualException NotAnImage(string what, string? type, string place) =>
            new PageVisualException(NotionErrorIds.NotionPageVisualNotImage,
                $"{what} is {(type == null ? "not of a type Notion takes" : type)}, and a page {place} is an image: give a .png, .jpg, .jpeg, .gif, .webp, .svg, .heic, .tif, .tiff or .ico file.");

        private static bool IsImage(string? contentType) => contentType != null && contentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase);

        private static bool IsKeycapBase(char c) => (c >= '0' && c <= '9') || c == '#' || c == '*';

        /// <summary>The emoji of the Basic Multilingual Plane shown as emoji without U+FE0F that are not symbols by category (◽, ◾).</summary>
        private static bool DefaultEmoji(char c) => c == '\u25FD' || c == '\u25FE';

        /// <summary>Where <paramref name="text"/> has a surrogate that is not half of a pair; -1 when it has none.</summary>
        private static int IndexOfLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsSurrogatePair(text, i))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        private static int IndexOfControl(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
