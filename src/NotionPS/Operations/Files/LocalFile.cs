using System;
using System.IO;
using System.Security;
using System.Text;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A local file checked for sending before any request: it exists, is a regular file and can be read, is not empty, and its
    /// name and content type are ones Notion takes. The content is read later, part by part, never whole.
    /// </summary>
    internal sealed class LocalFile
    {
        /// <summary>Notion's limit on a file name, in UTF-8 bytes, extension included.</summary>
        public const int MaxNameBytes = 900;

        private LocalFile(string path, string name, string contentType, long size)
        {
            Path = path;
            Name = name;
            ContentType = contentType;
            Size = size;
        }

        /// <summary>The full path on disk.</summary>
        public string Path { get; }

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
            var size = SizeOf(path);
            if (size == 0)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileEmpty, $"'{ServerText.Visible(path)}' is empty (0 bytes); Notion stores files of at least one byte.");
            }

            name = string.IsNullOrWhiteSpace(name) ? System.IO.Path.GetFileName(path) : name!.Trim();
            var type = contentType == null ? null : FileContentTypes.Normalise(contentType);
            if (type != null && !FileContentTypes.IsSupported(type))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileTypeRefused,
                    $"'{type}' is not a content type Notion takes (audio, PDF, text, JSON, Office documents, images and video; see Notion's \"Working with files and media\").");
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

            return new LocalFile(path, name, type, size);
        }

        /// <summary>The file's size, once it is known to exist and open for reading.</summary>
        private static long SizeOf(string path)
        {
            var shown = ServerText.Visible(path);
            try
            {
                if (Directory.Exists(path))
                {
                    throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"'{shown}' is a folder, not a file; give each of its files.");
                }

                if (LocalEntry.IsLink(path))
                {
                    // A folder listed from elsewhere (a checkout, an archive) may hold a link to the user's secrets.
                    throw new NotionFileException(NotionErrorIds.NotionFileNotRegular,
                        $"'{shown}' is a symbolic link or junction, which can point anywhere, so it is not sent. To send the file it points to, give that file's own path: (Get-Item -LiteralPath '<path>').Target names it.");
                }

                if (LocalEntry.NotAFile(path) is string what)
                {
                    // A device or pipe has no size to tell Notion in advance, and may never end (/dev/zero) or wait forever to be opened.
                    throw new NotionFileException(NotionErrorIds.NotionFileNotRegular, $"'{shown}' is {what}, not a file; Notion stores files of a known size. Give the path of a regular file.");
                }

                using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
                {
                    return stream.Length;
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{shown}'. Check the path.", ex);
            }
            catch (Exception ex) when (ex is UnauthorizedAccessException || ex is SecurityException || ex is IOException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileUnreadable, $"'{shown}' cannot be read: {ex.Message} Give a file you may read, and close any program that holds it locked.", ex);
            }
        }
    }
}
