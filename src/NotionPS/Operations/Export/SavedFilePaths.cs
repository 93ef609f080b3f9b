using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// Where the files of one row were saved by an export with -IncludeFiles, each by its column and place in the
    /// column's list, as <see cref="Recorded(string, string)"/> writes it in the backup.
    /// </summary>
    internal sealed class SavedFilePaths
    {
        public static readonly SavedFilePaths None = new SavedFilePaths();

        private readonly Dictionary<(string Column, int Index), string> paths = new Dictionary<(string Column, int Index), string>();

        public void Add(string column, int index, string recordedPath) => paths[(column, index)] = recordedPath;

        /// <summary>The saved path of the file at <paramref name="index"/> of <paramref name="column"/>; null when it was not saved.</summary>
        public string? Of(string column, int index) => paths.TryGetValue((column, index), out var path) ? path : null;

        /// <summary>
        /// How a backup records where a file was saved (both paths full): relative to the backup's folder, with '/' between
        /// names and ".." where it is outside, so the two can move together; the full path when no relative path reaches it
        /// (on Windows another drive or share than the backup's).
        /// </summary>
        public static string Recorded(string backupFolder, string path) => Recorded(backupFolder, path, Path.DirectorySeparatorChar == '\\', FileSystemCase.IgnoresCase);

        /// <summary>
        /// <see cref="Recorded(string, string)"/> by the rules of Windows paths (separator \ or /, drives and shares) or Unix ones,
        /// names compared ignoring case (<paramref name="ignoreCase"/>, by default as <see cref="FileSystemCase.IgnoresCase"/>: on Windows and macOS) or not. On macOS, which ignores case
        /// too, ~/Backups and ~/backups are one folder: a path through the other spelling (../backups/files/a.pdf) would leave the
        /// backup's folder, which the import refuses to read from.
        /// </summary>
        internal static string Recorded(string backupFolder, string path, bool windows, bool? ignoreCase = null)
        {
            var comparison = (ignoreCase ?? windows) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if (!string.Equals(Root(backupFolder, windows), Root(path, windows), comparison))
            {
                return path;
            }

            var from = Segments(backupFolder, windows);
            var to = Segments(path, windows);
            var common = 0;
            while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], comparison))
            {
                common++;
            }

            return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
        }

        /// <summary>
        /// The full path of a saved file named in a backup (see <see cref="Recorded(string, string)"/>): a relative one from
        /// the backup file's folder, a full one as it is; null when no file is there. Either must lie under
        /// <paramref name="allowed"/> (the backup's folder, or -LocalFileRoot), as <see cref="LocalFileRoot"/> checks it: a
        /// backup may come from anyone, so the path it names must not choose a file elsewhere on the machine.
        /// </summary>
        /// <exception cref="NotionFileException">The path leads out of <paramref name="allowed"/>, through a link, or is a network or device path.</exception>
        public static string? Resolve(string backupFolder, LocalFileRoot allowed, string? recordedPath)
        {
            if (string.IsNullOrWhiteSpace(recordedPath))
            {
                return null;
            }

            var full = allowed.FullPathOf(recordedPath!.Replace('/', Path.DirectorySeparatorChar), backupFolder);
            return File.Exists(full) ? full : null;
        }

        /// <summary>What a full path starts from: on Windows its drive (C:) or share (\\server\share, \\?\C:), on Unix always /.</summary>
        private static string Root(string path, bool windows)
        {
            if (!windows)
            {
                return "/";
            }

            if (path.Length >= 2 && path[1] == ':')
            {
                return path.Substring(0, 2);
            }

            var isShare = path.Length >= 2 && IsWindowsSeparator(path[0]) && IsWindowsSeparator(path[1]);
            return isShare ? string.Join("\\", Segments(path, windows).Take(2)) : string.Empty;
        }

        private static bool IsWindowsSeparator(char character) => character == '\\' || character == '/';

        private static string[] Segments(string path, bool windows) =>
            path.Split(windows ? new[] { '\\', '/' } : new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
