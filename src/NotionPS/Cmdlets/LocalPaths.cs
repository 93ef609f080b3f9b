using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Local paths as PowerShell users type them (relative to the current location, ~, a file-system drive such as
    /// TestDrive:) made full, from the session's state taken once on the pipeline thread, so that work on other
    /// threads (a row written in the background) can resolve paths too.
    /// </summary>
    internal sealed class LocalPaths
    {
        private readonly string currentFolder;
        private readonly string? home;
        private readonly Dictionary<string, string> driveRoots;

        public LocalPaths(SessionState sessionState)
        {
            currentFolder = sessionState.Path.CurrentFileSystemLocation.ProviderPath;
            var fileSystem = sessionState.Provider.GetOne("FileSystem");
            home = string.IsNullOrEmpty(fileSystem.Home) ? null : fileSystem.Home;
            driveRoots = sessionState.Drive.GetAllForProvider("FileSystem")
                .Where(drive => drive.Name.Length > 1)
                .GroupBy(drive => drive.Name, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => group.First().Root, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The full path; no wildcard is expanded (a file's name may hold [ or *).</summary>
        public string Resolve(string path)
        {
            if (home != null && (path == "~" || path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal)))
            {
                return Path.GetFullPath(Path.Combine(home, path.Substring(Math.Min(2, path.Length))));
            }

            var colon = path.IndexOf(':');
            if (colon > 1 && driveRoots.TryGetValue(path.Substring(0, colon), out var root))
            {
                return Path.GetFullPath(Path.Combine(root, path.Substring(colon + 1).TrimStart('/', '\\')));
            }

            return Path.GetFullPath(Path.Combine(currentFolder, path));
        }
    }
}
