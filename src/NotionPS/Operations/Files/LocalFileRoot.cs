using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// The folder (-LocalFileRoot, or a backup's own folder) whose files Markdown, a files cell's text or a backup may
    /// upload: a path they name is taken from it, and must stay under it. That text can come from anyone (a web page, a
    /// repository, a CSV file, another user's Notion page), so the path it names must not choose a file elsewhere on
    /// the machine: no network or device path (opening \\host\share sends the user's Windows credentials to that host),
    /// no file: URI naming a host, nothing outside the folder once made full, and no symbolic link or junction
    /// (<see cref="LocalEntry.IsLink"/>) on the way from the folder to the file (a link can point anywhere). The first three are decided from the
    /// text alone, before the file system is asked anything.
    /// </summary>
    internal sealed class LocalFileRoot
    {
        private static readonly bool OnWindows = RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        private static readonly StringComparison PathComparison = OnWindows ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private readonly string withSeparator;

        /// <param name="folder">The folder's full path (the cmdlet resolves the PowerShell path and checks it is a folder).</param>
        public LocalFileRoot(string folder)
        {
            Folder = folder.Length > Path.GetPathRoot(folder)!.Length ? folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : folder;
            withSeparator = WithSeparator(Folder);
        }

        public string Folder { get; }

        /// <summary>
        /// The folder is a drive or file-system root or the user's home folder, where secrets live (~/.ssh, ~/.docker):
        /// any of their files could be uploaded if the input names it.
        /// </summary>
        public bool IsWide => Folder == Path.GetPathRoot(Folder) || HomeFolders().Any(home => string.Equals(WithSeparator(home), withSeparator, PathComparison));

        private static IEnumerable<string> HomeFolders() =>
            new[] { Environment.GetEnvironmentVariable("HOME"), Environment.GetEnvironmentVariable("USERPROFILE"), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }
                .Where(home => !string.IsNullOrEmpty(home))
                .Select(home => Path.GetFullPath(home!).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));

        /// <summary>The full path of the file <paramref name="path"/> (as the Markdown names it, %XX decoded) names under the folder.</summary>
        /// <param name="relativeTo">The folder a relative path is taken from, when not this one (a backup's folder).</param>
        /// <exception cref="NotionFileException">NotionLocalFileOutsideRoot, or NotionLocalPathInvalid for a path the system refuses.</exception>
        public string FullPathOf(string path, string? relativeTo = null)
        {
            var local = WithoutFileScheme(path);
            if (IsNetworkOrDevicePath(local))
            {
                throw Outside(path, "is a network (UNC) or device path", "Copy the file under the folder and name it by a path relative to the folder.");
            }

            if (OnWindows && UnusablePaths.WindowsDeviceName(local) is string device)
            {
                throw new NotionFileException(NotionErrorIds.NotionLocalPathInvalid,
                    $"'{ShownPaths.Shown(path)}' names '{ServerText.Visible(device)}', which Windows reserves for a device (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension), not a file. Rename the file, and name it by its new name.");
            }

            var full = UnusablePaths.FullPath(relativeTo ?? Folder, local, path);
            if (string.Equals(WithSeparator(full), withSeparator, PathComparison))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileNotFound,
                    $"'{ShownPaths.Shown(path)}' names the folder '{ServerText.Visible(Folder)}' itself, not a file. Name a file under it (a path relative to it).");
            }

            if (!full.StartsWith(withSeparator, PathComparison))
            {
                throw Outside(path, "is outside the folder", "Move the file under the folder, or give -LocalFileRoot a folder that holds it.");
            }

            RefuseLinks(path, full);
            return full;
        }

        private static string WithSeparator(string folder) =>
            folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder + Path.DirectorySeparatorChar;

        /// <summary>A file: URI as the path it names; one naming a host is refused (it is a network path).</summary>
        private string WithoutFileScheme(string path)
        {
            if (!path.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
            {
                return path;
            }

            var rest = path.Substring("file:".Length);
            if (!rest.StartsWith("//", StringComparison.Ordinal))
            {
                return rest;
            }

            var slash = rest.IndexOf('/', 2);
            var host = slash < 0 ? rest.Substring(2) : rest.Substring(2, slash - 2);
            if (host.Length > 0 && !host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                throw Outside(path, $"is a file: URI naming the host '{ServerText.Visible(host)}', a network path", "Copy the file under the folder and name it by a path relative to the folder.");
            }

            var local = slash < 0 ? string.Empty : rest.Substring(slash);

            // file:///C:/a.png names C:/a.png.
            return local.Length > 2 && local[2] == ':' && char.IsLetter(local[1]) ? local.Substring(1) : local;
        }

        /// <summary>\\host\share, //host/share, \\?\ and \\.\ (with either slash, on every system: the Markdown may be meant for Windows).</summary>
        private static bool IsNetworkOrDevicePath(string path) =>
            path.Length >= 2 && (path[0] == '\\' || path[0] == '/') && (path[1] == '\\' || path[1] == '/');

        /// <summary>Refuses a link anywhere from below the folder down to the file; a part that does not exist ends the walk (the file check reports it).</summary>
        private void RefuseLinks(string shown, string full)
        {
            var part = Folder;
            foreach (var name in full.Substring(withSeparator.Length).Split(new[] { Path.DirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries))
            {
                part = Path.Combine(part, name);
                try
                {
                    File.GetAttributes(part);
                }
                catch (Exception ex) when (ex is FileNotFoundException || ex is DirectoryNotFoundException)
                {
                    return;
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || UnusablePaths.IsRefusal(ex))
                {
                    throw new NotionFileException(NotionErrorIds.NotionFileUnreadable,
                        $"'{ShownPaths.Shown(part)}' cannot be read: {ShownPaths.Reason(ex, part)} Give a file you may read.", ex);
                }

                if (LocalEntry.IsLink(part))
                {
                    throw Outside(shown,
                        $"goes through '{ShownPaths.Shown(part)}', a symbolic link or junction, which can point anywhere", "Copy the file itself under the folder instead of linking to it.");
                }
            }
        }

        private NotionFileException Outside(string path, string reason, string remedy) =>
            new NotionFileException(NotionErrorIds.NotionLocalFileOutsideRoot,
                $"'{ShownPaths.Shown(path)}' {reason}: only files under '{ServerText.Visible(Folder)}' are uploaded, and never through a link. {remedy}");
    }
}
