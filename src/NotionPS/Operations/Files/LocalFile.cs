using System;
using System.Globalization;
using System.IO;
using System.Security;
using System.Text;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A local file checked for sending before any request: it exists, is a regular file and can be read, is not empty, and its
    /// name and content type are ones Notion takes. The content is read later, part by part, never whole, from the file
    /// checked: the check opens the file and records which file it opened (<see cref="FileIdentity"/>), and
    /// <see cref="Open"/> sends nothing from a file that is no longer that one (swapped for a link after the check).
    /// </summary>
    internal sealed class LocalFile
    {
        /// <summary>Notion's limit on a file name, in UTF-8 bytes, extension included.</summary>
        public const int MaxNameBytes = 900;

        private readonly FileIdentity? identity;

        private LocalFile(string path, string name, string contentType, long size, FileIdentity? identity)
        {
            Path = path;
            Name = name;
            ContentType = contentType;
            Size = size;
            this.identity = identity;
        }

        /// <summary>The full path on disk.</summary>
        public string Path { get; }

        /// <summary>The path as messages show it (<see cref="ShownPaths"/>).</summary>
        public string Shown => ShownPaths.Shown(Path);

        /// <summary>The name Notion shows, with a supported extension.</summary>
        public string Name { get; }

        public string ContentType { get; }

        public long Size { get; }

        /// <param name="path">A full path (the cmdlet resolves a relative one against the current location).</param>
        /// <param name="name">The name to give the file in Notion; null for its own.</param>
        /// <param name="contentType">The content type; null to take it from the extension.</param>
        /// <exception cref="NotionFileException">The file cannot be sent; the message says why and what to do.</exception>
        public static LocalFile Check(string path, string? name, string? contentType)
        {
            var (size, identity) = Opened(path);
            if (size == 0)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileEmpty, $"'{ShownPaths.Shown(path)}' is empty (0 bytes); Notion stores files of at least one byte.");
            }

            name = string.IsNullOrEmpty(name) ? NameOnDisk(path) : CheckedName(name!);
            var type = contentType == null ? null : FileContentTypes.Normalise(contentType);
            if (type != null && !FileContentTypes.IsSupported(type))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileTypeRefused,
                    $"'{ServerText.VisibleShort(type)}' is not a content type Notion takes (audio, PDF, text, JSON, Office documents, images and video; see Notion's \"Working with files and media\").");
            }

            var extension = FileContentTypes.ExtensionOf(name);
            if (extension == null && type != null)
            {
                extension = FileContentTypes.ExtensionFor(type)!;
                name = name + "." + extension;
            }

            if (extension == null || !FileContentTypes.IsSupportedExtension(extension))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNameRefused,
                    $"'{ServerText.Visible(name)}' {(extension == null ? "has no extension" : $"has the extension .{extension}, which Notion does not take")}. Notion takes {FileContentTypes.Listed}; give a name with one of them (for a .zip, .csv or .md, send it as .txt only if it is text, or link it by URL).");
            }

            if (Encoding.UTF8.GetByteCount(name) > MaxNameBytes)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNameRefused,
                    $"The name '{ServerText.Visible(name.Substring(0, 40))}...' is {Encoding.UTF8.GetByteCount(name)} bytes long in UTF-8; Notion takes at most {MaxNameBytes}. Give a shorter name.");
            }

            type ??= FileContentTypes.For(extension)!;
            if (!FileContentTypes.Matches(extension, type))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileTypeRefused,
                    $"'{ServerText.Visible(name)}' cannot be sent as {type}: Notion wants the extension and the content type to agree (.{extension} is {FileContentTypes.For(extension)}).");
            }

            return new LocalFile(path, name, type, size, identity);
        }

        /// <summary>
        /// The file's own name, its control and bidi characters (those <see cref="CheckedName"/> refuses in a name given)
        /// replaced by '_', as Save-NotionFile replaces them in a name from Notion: the user did not type this name, and a file
        /// named "a&lt;LF&gt;b.txt" by some program is still one to send, not one to stop a whole folder's upload over.
        /// </summary>
        private static string NameOnDisk(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            var cleaned = new StringBuilder(name.Length);
            foreach (var character in name)
            {
                cleaned.Append(ServerText.IsToEscape(character) ? '_' : character);
            }

            return cleaned.ToString();
        }

        /// <summary>A name given for the file, trimmed; one of only white space is refused, not replaced by the file's own.</summary>
        /// <exception cref="NotionFileException">NotionFileNameRefused: the name is only white space or holds a character <see cref="ServerText.IsToEscape"/> names (as SafeFileNames replaces on disk).</exception>
        private static string CheckedName(string name)
        {
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNameRefused,
                    $"The name '{ServerText.VisibleShort(name)}' is only white space. Give the name the file is to have in Notion, such as report.pdf, or none to keep the file's own.");
            }

            foreach (var character in name)
            {
                if (ServerText.IsToEscape(character))
                {
                    throw new NotionFileException(NotionErrorIds.NotionFileNameRefused,
                        $"The name '{ServerText.VisibleShort(name)}' holds a control character or one that changes how the text around it reads (U+{((int)character).ToString("X4", CultureInfo.InvariantCulture)}: "
                        + "a line break, an escape, a bidi override), which a file's name cannot hold. Give a name without one.");
                }
            }

            return name.Trim();
        }

        /// <summary>
        /// The file opened for sending, from its start: the file checked, or a NotionFileChangedWhileSent failure when the
        /// path now names another file (swapped for a link, or replaced) and nothing of it may be read.
        /// </summary>
        /// <exception cref="NotionFileException">The file was replaced, or is gone or unreadable now.</exception>
        public FileStream Open()
        {
            var stream = Opening(Path, () => OpenRead(Path, FileOptions.Asynchronous | FileOptions.SequentialScan));
            var now = FileIdentity.Of(stream.SafeFileHandle);

            // Where the system cannot tell files apart, what the path names now is checked as at the check.
            var replaced = identity is FileIdentity checkedFile ? !now.Equals(checkedFile) : LocalEntry.IsLink(Path);
            if (replaced)
            {
                stream.Dispose();
                throw new NotionFileException(NotionErrorIds.NotionFileChangedWhileSent,
                    $"'{Shown}' is no longer the file that was checked: it was replaced (by another file, or by a link to one) after the check, so nothing of it is sent. Send it again once no program replaces it.");
            }

            return stream;
        }

        /// <summary>The file's size and which file it is, once it is known to be a regular file, not a link, open for reading.</summary>
        private static (long Size, FileIdentity? Identity) Opened(string path) =>
            Opening(path, () =>
            {
                var shown = ShownPaths.Shown(path);
                if (Directory.Exists(path))
                {
                    throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"'{shown}' is a folder, not a file; give each of its files.");
                }

                if (LocalEntry.IsLink(path))
                {
                    throw Linked(shown);
                }

                if (LocalEntry.NotAFile(path) is string what)
                {
                    // A device or pipe has no size to tell Notion in advance, and may never end (/dev/zero) or wait forever to be opened.
                    throw new NotionFileException(NotionErrorIds.NotionFileNotRegular, $"'{shown}' is {what}, not a file; Notion stores files of a known size. Give the path of a regular file.");
                }

                using (var stream = OpenRead(path, FileOptions.None))
                {
                    // The file opened is the path's own entry, not a link's target: this also finds the links that IsLink
                    // cannot see (Windows PowerShell 5.1) and a file swapped for a link since.
                    var identity = FileIdentity.Of(stream.SafeFileHandle);
                    if (identity != null && FileIdentity.OfEntry(path) is FileIdentity entry && !entry.Equals(identity.Value))
                    {
                        throw Linked(shown);
                    }

                    return (stream.Length, identity);
                }
            });

        private static FileStream OpenRead(string path, FileOptions options) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, options);

        /// <summary>A folder listed from elsewhere (a checkout, an archive) may hold a link to the user's secrets.</summary>
        private static NotionFileException Linked(string shown) =>
            new NotionFileException(NotionErrorIds.NotionFileNotRegular,
                $"'{shown}' is a symbolic link or junction, which can point anywhere, so it is not sent. To send the file it points to, give that file's own path: (Get-Item -LiteralPath '<path>').Target names it.");

        /// <summary>
        /// Runs <paramref name="open"/>, its failure to find or read the file told as a NotionFileException naming the path
        /// once; what to do is the remedy the cmdlet adds for the error id (FileRemedies), not repeated here.
        /// </summary>
        private static T Opening<T>(string path, Func<T> open)
        {
            try
            {
                return open();
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{ShownPaths.Shown(path)}'.", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is SecurityException || ex is IOException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileUnreadable,
                    $"'{ShownPaths.Shown(path)}' cannot be read: {ShownPaths.Reason(ex, path)}", ex);
            }
        }
    }
}
