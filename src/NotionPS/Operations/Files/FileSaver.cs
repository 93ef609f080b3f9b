using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// Downloads the files of a row's files columns, and of a page's file blocks, into a folder, streamed to disk. A URL Notion signed expires
    /// an hour after it was read: a download refused as expired reads the page again and tries its fresh URL once.
    /// Names are made safe and unique (<see cref="SafeFileNames"/>); an existing file is replaced only when asked,
    /// and never one that is a link (it could point anywhere). One file's failure leaves the others to go on.
    /// </summary>
    internal sealed class FileSaver
    {
        private static readonly HashSet<string> FileBlockTypes = new HashSet<string> { "image", "file", "pdf", "video", "audio" };

        private readonly NotionClient client;
        private readonly INotionLog log;

        public FileSaver(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its lines quote file hosts and Notion, which may echo the token
        }

        /// <summary>The files of every files column of a page, in the page's order (read fresh, with fresh URLs).</summary>
        public async Task<IReadOnlyList<RowFile>> ReadFilesAsync(string pageId, CancellationToken cancellationToken) =>
            (await ReadPageFilesAsync(pageId, cancellationToken).ConfigureAwait(false)).Files;

        /// <summary>A page's files columns and the files in them, read fresh.</summary>
        public async Task<PageFiles> ReadPageFilesAsync(string pageId, CancellationToken cancellationToken)
        {
            using (var page = await client.GetPageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
            {
                return PageFiles.Of(page.RootElement);
            }
        }

        /// <summary>The files of every files column of a page object, in the page's order; each keeps its place in its column's list.</summary>
        public static IReadOnlyList<RowFile> FilesOf(JsonElement page)
        {
            var files = new List<RowFile>();
            if (JsonRead.Object(page, "properties") is JsonElement properties)
            {
                foreach (var property in properties.EnumerateObject().Where(p => JsonRead.String(p.Value, "type") == "files"))
                {
                    var items = JsonRead.Array(property.Value, "files")?.EnumerateArray().ToList() ?? new List<JsonElement>();
                    for (var index = 0; index < items.Count; index++)
                    {
                        var type = JsonRead.String(items[index], "type");
                        var url = type == null ? null : JsonRead.String(JsonRead.Object(items[index], type) ?? default, "url");
                        if (url != null)
                        {
                            files.Add(new RowFile(property.Name, index, JsonRead.String(items[index], "name") ?? string.Empty, url, type == "file"));
                        }
                    }
                }
            }

            return files;
        }

        /// <summary>
        /// The files of a page's image, file, pdf, video and audio blocks, at any depth, in the page's order (read
        /// fresh). Blocks of child pages and databases are theirs, and not read.
        /// </summary>
        public async Task<IReadOnlyList<RowFile>> ReadBlockFilesAsync(string pageId, CancellationToken cancellationToken)
        {
            var files = new List<RowFile>();
            using (var reader = new PageContentReader(client, pageId, log))
            {
                for (var blocks = await reader.NextAsync(cancellationToken).ConfigureAwait(false); blocks != null; blocks = await reader.NextAsync(cancellationToken).ConfigureAwait(false))
                {
                    AddBlockFiles(blocks, files);
                }
            }

            return files;
        }

        private static void AddBlockFiles(IEnumerable<JsonElement> blocks, List<RowFile> files)
        {
            foreach (var block in blocks)
            {
                var type = JsonRead.String(block, "type") ?? string.Empty;
                if (FileBlockTypes.Contains(type) && JsonRead.Object(block, type) is JsonElement body)
                {
                    var hosting = JsonRead.String(body, "type");
                    var url = hosting == null ? null : JsonRead.String(JsonRead.Object(body, hosting) ?? default, "url");
                    if (url != null)
                    {
                        files.Add(RowFile.FromBlock(JsonRead.String(block, "id") ?? string.Empty, files.Count, JsonRead.String(body, "name"), url, hosting == "file"));
                    }
                }

                if (JsonRead.Array(block, "children") is JsonElement children)
                {
                    AddBlockFiles(children.EnumerateArray(), files);
                }
            }
        }

        /// <summary>Saves each file into <paramref name="folder"/> (a full path to a folder that exists).</summary>
        /// <param name="files">The files to save, from <see cref="ReadFilesAsync"/> or a row read earlier.</param>
        /// <param name="names">
        /// The names given out in <paramref name="folder"/> so far, kept by the caller for as long as it saves into that folder:
        /// the files of several rows saved by one command are as unique as one row's, so none is refused as existing or replaced
        /// by a namesake saved a moment before.
        /// </param>
        /// <param name="replace">Replace files that exist; otherwise each such file is a <see cref="NotionErrorIds.NotionFileExists"/> failure.</param>
        public async Task<IReadOnlyList<SavedFile>> SaveAsync(string pageId, IReadOnlyList<RowFile> files, string folder, SafeFileNames names, bool replace, CancellationToken cancellationToken)
        {
            var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
            PageFiles? fresh = null;
            IReadOnlyList<RowFile>? freshBlocks = null;
            var saved = new List<SavedFile>();
            foreach (var file in files)
            {
                var name = names.Unique(file.Name);
                try
                {
                    // A safe name is a path every runtime takes, but .NET Framework without long paths refuses one past 260
                    // characters: that file fails alone (NotionLocalPathInvalid) and the others are saved.
                    var target = UnusablePaths.FullPath(root, name, root + name);
                    CheckTarget(root, target, replace);
                    try
                    {
                        await DownloadAsync(file.Url, root, target, replace, cancellationToken).ConfigureAwait(false);
                    }
                    catch (FileDownloadException ex) when (ex.MayHaveExpired)
                    {
                        log.Verbose($"The URL of '{ServerText.Visible(file.Name)}' ({ServerText.Visible(file.Origin)}) was refused, as an expired one is; reading page {pageId} again for a fresh one.");
                        var again = file.BlockId == null
                            ? (fresh ??= await ReadPageFilesAsync(pageId, cancellationToken).ConfigureAwait(false)).Again(file)
                            : (freshBlocks ??= await ReadBlockFilesAsync(pageId, cancellationToken).ConfigureAwait(false)).FirstOrDefault(f => f.BlockId == file.BlockId);
                        if (again == null)
                        {
                            throw Failed(file, ex);
                        }

                        await DownloadAsync(again.Url, root, target, replace, cancellationToken).ConfigureAwait(false);
                    }

                    saved.Add(new SavedFile(file, target, null));
                }
                catch (FileDownloadException ex)
                {
                    saved.Add(new SavedFile(file, null, Failed(file, ex)));
                }
                catch (NotionException ex)
                {
                    saved.Add(new SavedFile(file, null, ex));
                }
            }

            return saved;
        }

        private static NotionFileException Failed(RowFile file, FileDownloadException ex) =>
            new NotionFileException(NotionErrorIds.NotionFileDownloadFailed,
                $"'{ServerText.Visible(file.Name)}' of {ServerText.Visible(file.Origin)} could not be downloaded: {AsSentence(ex.Message)} {(ex.MayHaveExpired ? "Its URL was refused even after the page was read again; check that the file is still in the row or page." : ex.IsNotWeb ? "NotionPS downloads only http(s) URLs: open this one where it is." : "Run the command again when the file host answers.")}", ex);

        /// <summary>The system's words for a failed connection ("Connection refused (host:port)") end without a full stop.</summary>
        private static string AsSentence(string text) => text.EndsWith(".", StringComparison.Ordinal) ? text : text + ".";

        /// <summary>The target must be inside the folder, and not a link; an existing file only with <paramref name="replace"/>.</summary>
        private static void CheckTarget(string root, string target, bool replace)
        {
            if (!target.StartsWith(root, StringComparison.Ordinal) || target.Length == root.Length)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid, $"'{target}' is not inside '{root}'; NotionPS writes only into the destination folder.");
            }

            if (!File.Exists(target) && !Directory.Exists(target))
            {
                return;
            }

            if ((File.GetAttributes(target) & (FileAttributes.ReparsePoint | FileAttributes.Directory)) != 0)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid,
                    $"'{target}' is a link or a folder; NotionPS does not write through links or over folders, even to replace files.");
            }

            if (!replace)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileExists, $"'{target}' exists and was left as it is.");
            }
        }

        /// <summary>Streams into a hidden file beside the target, moved into place only once whole.</summary>
        private async Task DownloadAsync(string url, string root, string target, bool replace, CancellationToken cancellationToken)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw FileDownloadException.NotWeb($"'{WebUrls.Shown(url)}' is not an http(s) URL.");
            }

            var partial = Path.Combine(root, "." + Guid.NewGuid().ToString("N") + ".download");
            try
            {
                using (var output = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                {
                    await FileHost.DownloadAsync(uri, output, client.Options.Timeout, log, cancellationToken).ConfigureAwait(false);
                }

                if (replace && File.Exists(target))
                {
                    File.Delete(target);
                }

                File.Move(partial, target);
            }
            catch (IOException ex) when (!(ex is FileNotFoundException))
            {
                throw new NotionFileException(File.Exists(target) ? NotionErrorIds.NotionFileExists : NotionErrorIds.NotionFileDownloadFailed, $"'{target}' could not be written: {ex.Message}", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                // Refused by the system (a read-only folder, a file marked read-only or immutable): this file fails, the next may not.
                throw new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid,
                    $"'{target}' could not be written: {ex.Message} Check that the folder can be written to, and that a file being replaced is not read-only or locked.", ex);
            }
            finally
            {
                if (File.Exists(partial))
                {
                    File.Delete(partial);
                }
            }
        }
    }
}
