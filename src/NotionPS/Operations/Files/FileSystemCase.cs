using System;
using System.IO;
using System.Runtime.InteropServices;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// How this system's file systems compare names: Windows (NTFS) and macOS (APFS, HFS+) ignore case by default, Linux
    /// file systems do not. For checks whose mistake in the case-ignoring direction costs at most a refusal or a path that
    /// reads back as missing (a clash refused, a folder taken as made, a saved file recorded through the other spelling on a
    /// macOS volume that tells case apart, which the import then reports as not found); a check that keeps reads inside a
    /// folder (<see cref="LocalFileRoot"/>) must not take "Docs" for "docs" on such a volume.
    /// </summary>
    internal static class FileSystemCase
    {
        public static readonly bool IgnoresCase = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX);

        public static StringComparison Comparison => IgnoresCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        /// <summary>Whether the full path <paramref name="path"/> is <paramref name="folder"/> (a full path) or lies under it.</summary>
        public static bool IsSameOrUnder(string path, string folder, StringComparison comparison) =>
            string.Equals(WithSeparator(path), WithSeparator(folder), comparison) || path.StartsWith(WithSeparator(folder), comparison);

        private static string WithSeparator(string path) => path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
    }
}
