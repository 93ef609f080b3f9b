using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NotionPS.Operations
{
    /// <summary>
    /// Where the files of one row were saved by an export with -IncludeFiles, each by its column and place in the
    /// column's list, as a path relative to the backup file's folder with '/' between names (the same on every OS).
    /// </summary>
    internal sealed class SavedFilePaths
    {
        public static readonly SavedFilePaths None = new SavedFilePaths();

        private readonly Dictionary<(string Column, int Index), string> paths = new Dictionary<(string Column, int Index), string>();

        public void Add(string column, int index, string relativePath) => paths[(column, index)] = relativePath;

        /// <summary>The saved path of the file at <paramref name="index"/> of <paramref name="column"/>; null when it was not saved.</summary>
        public string? Of(string column, int index) => paths.TryGetValue((column, index), out var path) ? path : null;

        /// <summary><paramref name="path"/> relative to <paramref name="folder"/> (both full), with ".." where it is outside.</summary>
        public static string Relative(string folder, string path)
        {
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var from = Segments(folder);
            var to = Segments(path);
            var common = 0;
            while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], comparison))
            {
                common++;
            }

            return string.Join("/", Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common)));
        }

        /// <summary>
        /// The full path of a saved file named in a backup, from the backup file's folder; null when the path is
        /// rooted (a backup records only relative ones) or no file is there.
        /// </summary>
        public static string? Resolve(string backupFolder, string? relativePath)
        {
            if (string.IsNullOrWhiteSpace(relativePath))
            {
                return null;
            }

            try
            {
                var local = relativePath!.Replace('/', Path.DirectorySeparatorChar);
                if (Path.IsPathRooted(local))
                {
                    return null;
                }

                var full = Path.GetFullPath(Path.Combine(backupFolder, local));
                return File.Exists(full) ? full : null;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is IOException)
            {
                return null;
            }
        }

        private static string[] Segments(string path) =>
            path.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries);
    }
}
