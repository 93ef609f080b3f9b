using System;
using System.IO;
using System.Reflection;
using System.Text.RegularExpressions;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// What a local path names when it is not a regular file: a folder, a device, a pipe or a socket. Told before the
    /// file is opened, because opening a pipe waits for a writer, and a device such as /dev/zero reports 0 bytes yet
    /// never ends. .NET's FileAttributes do not tell these apart on Unix, so there the file's type comes from stat.
    /// </summary>
    internal static class LocalEntry
    {
        private const int TypeMask = 0xF000;
        private const int FifoType = 0x1000;
        private const int CharacterDeviceType = 0x2000;
        private const int FolderType = 0x4000;
        private const int BlockDeviceType = 0x6000;
        private const int SocketType = 0xC000;

        private static readonly Regex WindowsDeviceName = new Regex("^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        // FileSystemInfo.LinkTarget (.NET 6 and later) names the target of a symbolic link or junction, and is null for a
        // file that is no link and for other reparse points (a OneDrive file); .NET Framework has no such property.
        private static readonly PropertyInfo? LinkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget");

        /// <summary>
        /// Whether <paramref name="path"/> is itself a symbolic link or junction, which can point anywhere: the module's one
        /// rule of what a link is. Any other reparse point is no link: a OneDrive file (Files On-Demand) is a file, and a
        /// OneDrive folder a folder. On .NET Framework (Windows PowerShell 5.1), which has no LinkTarget, a link is an entry
        /// that opening leads away from: its own identity is not that of the file or folder it opens.
        /// </summary>
        public static bool IsLink(string path)
        {
            if (LinkTarget == null)
            {
                return FileIdentity.OfEntry(path) is FileIdentity own && FileIdentity.OfTarget(path) is FileIdentity target && !own.Equals(target);
            }

            try
            {
                return LinkTarget?.GetValue(new FileInfo(path)) != null;
            }
            catch (TargetInvocationException)
            {
                // Unreadable: opening the file next reports why.
                return false;
            }
        }

        /// <summary>What <paramref name="path"/> (a full path) is, such as "a folder" or "a device"; null for a regular file or nothing at all.</summary>
        public static string? NotAFile(string path)
        {
            if (Directory.Exists(path))
            {
                return "a folder";
            }

            if (Path.DirectorySeparatorChar == '\\')
            {
                return path.StartsWith(@"\\.\", StringComparison.Ordinal) || WindowsDeviceName.IsMatch(Path.GetFileNameWithoutExtension(path)) ? "a device" : null;
            }

            switch (UnixFileType(path))
            {
                case FifoType:
                    return "a named pipe (FIFO)";
                case CharacterDeviceType:
                case BlockDeviceType:
                    return "a device";
                case SocketType:
                    return "a socket";
                case FolderType:
                    return "a folder";
                default:
                    return null;
            }
        }

        /// <summary>The S_IFMT bits of the file's mode (links followed); 0 when there is no such file or stat is not at hand.</summary>
        private static int UnixFileType(string path)
        {
            // FileStatus starts {int Flags; int Mode; ...} in every .NET since Core 1.0, the mode's type bits in POSIX values.
            var status = UnixFileStatus.Of(path, followLinks: true);
            if (status != null)
            {
                return BitConverter.ToInt32(status, 4) & TypeMask;
            }

            return UnixFileStatus.CallsMissing && path.StartsWith("/dev/", StringComparison.Ordinal) ? CharacterDeviceType : 0;
        }
    }
}
