using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Local paths as PowerShell users type them (relative to the current location, ~, a file-system drive such as
    /// TestDrive:) made full.
    /// </summary>
    internal static class LocalPaths
    {
        /// <summary>
        /// The full file-system path of a PowerShell path given to a parameter (no wildcard expanded), checked once here
        /// as .NET Framework checks it, so a path the system cannot use is a NotionLocalPathInvalid failure up front,
        /// never an ArgumentException or NotSupportedException from deep in a write.
        /// </summary>
        /// <exception cref="NotionFileException">NotionLocalPathInvalid: the path is refused, names no drive, or is not on disk.</exception>
        public static string FileSystemPath(PSCmdlet cmdlet, string path) =>
            Checked(path, () => Path.GetFullPath(Unresolved(cmdlet, path)));

        /// <summary>
        /// The full paths of the files a PowerShell path with wildcards names, checked as <see cref="FileSystemPath"/> checks
        /// a path: a drive that does not exist or another provider's path is NotionLocalPathInvalid, as everywhere else.
        /// </summary>
        /// <exception cref="NotionFileException">NotionLocalPathInvalid: the path is refused, names no drive, or is not on disk.</exception>
        /// <exception cref="ItemNotFoundException">Nothing matches the path (the caller's "no such file").</exception>
        public static IReadOnlyList<string> ExistingFileSystemPaths(PSCmdlet cmdlet, string path) =>
            Checked(path, () =>
            {
                // Matched first: .NET Framework may refuse a wildcard as a path before any matching.
                Collection<string> found;
                ProviderInfo provider;
                try
                {
                    found = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                }
                catch (ItemNotFoundException)
                {
                    Unresolved(cmdlet, path); // Function:\missing is another provider's path, not a missing file
                    throw;
                }

                RequireFileSystem(path, provider);
                return found.Select(Path.GetFullPath).ToList();
            });

        private static string Unresolved(PSCmdlet cmdlet, string path)
        {
            var resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out var provider, out _);
            RequireFileSystem(path, provider);
            return resolved;
        }

        private static void RequireFileSystem(string path, ProviderInfo provider)
        {
            if (provider.Name != "FileSystem")
            {
                throw new NotionFileException(NotionErrorIds.NotionLocalPathInvalid,
                    $"'{path}' is not a path on disk (it is in the {provider.Name} provider). Give a file-system path.");
            }
        }

        private static T Checked<T>(string path, Func<T> resolve)
        {
            try
            {
                return resolve();
            }
            catch (Exception ex) when (ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException)
            {
                // PowerShell's refusal, alike on every system: advice about the characters Windows refuses would not fit it.
                throw new NotionFileException(NotionErrorIds.NotionLocalPathInvalid,
                    $"'{ShownPaths.Shown(path)}' is not a path this system can use: {ex.Message} Give a path on a drive that Get-PSDrive -PSProvider FileSystem lists, or a path relative to the current location.",
                    ex);
            }
            catch (Exception ex) when (UnusablePaths.IsRefusal(ex))
            {
                throw UnusablePaths.Refused(path, ex);
            }
        }

        /// <summary><see cref="FileSystemPath"/>, its failure stopping <paramref name="cmdlet"/> (a path that can never work).</summary>
        public static string FileSystemPathOrStop(NotionAsyncCmdlet cmdlet, string path)
        {
            try
            {
                return FileSystemPath(cmdlet, path);
            }
            catch (NotionFileException ex)
            {
                cmdlet.ThrowTerminatingError(NotionErrorRecords.From(ex, path));
                throw;
            }
        }
    }
}
