using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A local path the runtime refuses as a path, before any file is looked at. .NET Framework (Windows PowerShell 5.1)
    /// refuses in Path.GetFullPath, Path.Combine and the File APIs what .NET takes until the file is opened: an
    /// ArgumentException for the characters &lt; &gt; | " and control characters (NUL on every runtime), a
    /// NotSupportedException for a colon after the drive, a PathTooLongException past 260 characters without long paths.
    /// </summary>
    internal static class UnusablePaths
    {
        /// <summary><paramref name="path"/> under <paramref name="folder"/>, made full; a path the system refuses is a NotionLocalPathInvalid failure naming <paramref name="given"/>.</summary>
        public static string FullPath(string folder, string path, string given)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(folder, path));
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                throw Refused(given, ex);
            }
        }

        private static readonly HashSet<string> DeviceNames = new HashSet<string>(
            new[] { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" }
                .Concat(Enumerable.Range(1, 9).SelectMany(digit => new[] { "COM" + digit, "LPT" + digit })),
            StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The part of <paramref name="path"/> (split at / and \) that Windows takes as a device (CON, NUL, COM1, also
        /// with an extension or trailing spaces: nul.txt, "CON "), or null. Opening one reads the console or a port, not a
        /// file, and may wait forever; Windows 10 even turns C:\folder\CON into \\.\CON.
        /// </summary>
        public static string? WindowsDeviceName(string path) =>
            path.Split('/', '\\').FirstOrDefault(part =>
            {
                var dot = part.IndexOf('.');
                return DeviceNames.Contains((dot < 0 ? part : part.Substring(0, dot)).TrimEnd(' '));
            });

        public static bool IsRefusal(Exception ex) => ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException;

        /// <summary>The failure for <paramref name="path"/> (as given; the message shows it escaped), which the runtime refused with <paramref name="ex"/>.</summary>
        public static NotionFileException Refused(string path, Exception ex)
        {
            var shown = ShownPaths.Shown(path);

            // No system takes a control character (NUL on every one) in a name; .NET's own text for it names a parameter the user never saw.
            var message = path.Any(char.IsControl)
                ? $"'{shown}' holds a NUL or other control character (shown as \\uXXXX), which no file name can hold. Remove it from the path."
                : $"'{shown}' is not a path this system can use: {ShownPaths.Reason(ex, path)} Leave out the characters Windows refuses in names (< > : \" | ? *), put a colon only after a drive letter, and keep the path under 260 characters where long paths are not enabled.";
            return new NotionFileException(NotionErrorIds.NotionLocalPathInvalid, message, ex);
        }
    }
}
