using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// Export-NotionDatabase -IncludeFiles: saves the files of each row's files columns into a folder of its own (the
    /// row's title and the start of its page ID, made safe and unique), through <see cref="FileSaver"/>, which sends
    /// no token to file hosts and replaces a file only when asked. A file that cannot be saved is kept as a failure
    /// for the caller to report; the export goes on, and the backup records no path for it.
    /// </summary>
    internal sealed class ExportFileDownloads
    {
        /// <summary>Characters of a title a row's folder keeps, leaving room for the page ID.</summary>
        private const int TitleLength = 60;

        private readonly FileSaver saver;
        private readonly string folder;
        private readonly string backupFile;
        private readonly string backupFolder;
        private readonly bool replace;
        private readonly SafeFileNames rowFolders = SafeFileNames.ForFolders();
        private readonly List<SavedFile> failures = new List<SavedFile>();

        /// <param name="folder">The full path of the folder the rows' folders go in.</param>
        /// <param name="backupFile">The full path of the export file, which the saved paths are relative to.</param>
        /// <param name="replace">Replace files that exist; otherwise each is a NotionFileExists failure.</param>
        public ExportFileDownloads(NotionClient client, INotionLog log, string folder, string backupFile, bool replace)
        {
            saver = new FileSaver(client, log);
            this.folder = folder;
            this.backupFile = backupFile;
            backupFolder = Path.GetDirectoryName(backupFile) ?? backupFile;
            this.replace = replace;
        }

        /// <summary>
        /// Why <paramref name="folder"/> cannot hold the files of an export to <paramref name="exportFile"/> (both full paths),
        /// told before any request or change on disk; null when it can. It cannot be the export file, lie inside it, or be
        /// or lie under a file that exists (no folder can be made there). Paths are compared as the system's file systems
        /// compare names (<see cref="FileSystemCase"/>).
        /// </summary>
        public static string? Clash(string exportFile, string folder) => Clash(exportFile, folder, FileSystemCase.Comparison);

        internal static string? Clash(string exportFile, string folder, StringComparison pathComparison)
        {
            if (FileSystemCase.IsSameOrUnder(folder, exportFile, pathComparison))
            {
                return FileSystemCase.IsSameOrUnder(exportFile, folder, pathComparison) ? "is the export file itself" : "is inside the export file";
            }

            for (var part = folder; !string.IsNullOrEmpty(part); part = Path.GetDirectoryName(part))
            {
                if (File.Exists(part))
                {
                    return part == folder ? "is a file" : $"is under '{ShownPaths.Shown(part)}', which is a file";
                }
            }

            return null;
        }

        /// <summary>The files that could not be saved since the last call, each with why.</summary>
        public IReadOnlyList<SavedFile> TakeFailures()
        {
            var taken = failures.ToList();
            failures.Clear();
            return taken;
        }

        /// <summary>Saves the files of the row read as <paramref name="page"/>; where each went.</summary>
        public async Task<SavedFilePaths> SaveAsync(string pageId, JsonElement page, CancellationToken cancellationToken)
        {
            var files = FileSaver.FilesOf(page);
            if (files.Count == 0)
            {
                return SavedFilePaths.None;
            }

            var rowFolder = Path.Combine(folder, rowFolders.Unique(RowFolderName(pageId, page)));
            try
            {
                Directory.CreateDirectory(rowFolder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                var failure = new NotionFileException(NotionErrorIds.NotionFileDestinationInvalid, $"The folder '{rowFolder}' for the files of page {pageId} cannot be created: {ex.Message}", ex);
                failures.AddRange(files.Select(file => new SavedFile(file, null, failure)));
                return SavedFilePaths.None;
            }

            // A backup written into this row's folder keeps its name: a file of the row named as the backup would be
            // saved, recorded as the file to upload again, and then replaced by the backup itself.
            var names = new SafeFileNames();
            if (string.Equals(rowFolder, backupFolder, FileSystemCase.Comparison))
            {
                names.Reserve(Path.GetFileName(backupFile));
            }

            var paths = new SavedFilePaths();
            foreach (var saved in await saver.SaveAsync(pageId, files, rowFolder, names, replace, cancellationToken).ConfigureAwait(false))
            {
                if (saved.Path == null)
                {
                    failures.Add(saved);
                }
                else
                {
                    paths.Add(saved.File.Column, saved.File.Index, SavedFilePaths.Recorded(backupFolder, saved.Path));
                }
            }

            return paths;
        }

        /// <summary>"Title 1a2b3c4d": the row's title, cut short, and the first 8 characters of its page ID.</summary>
        private static string RowFolderName(string pageId, JsonElement page)
        {
            var title = JsonRead.Object(page, "properties")?.EnumerateObject()
                .Where(property => JsonRead.String(property.Value, "type") == "title")
                .Select(property => JsonRead.PlainText(JsonRead.Array(property.Value, "title")))
                .FirstOrDefault()?.Trim() ?? string.Empty;
            if (title.Length > TitleLength)
            {
                title = title.Substring(0, char.IsHighSurrogate(title[TitleLength - 1]) ? TitleLength - 1 : TitleLength).TrimEnd();
            }

            var shortId = pageId.Replace("-", string.Empty);
            shortId = shortId.Substring(0, Math.Min(8, shortId.Length));
            return (title.Length == 0 ? "Untitled" : title) + " " + shortId;
        }
    }
}
