using System;
using System.IO;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// Which file on which volume a handle or a directory entry is (device and inode on Unix, volume serial number
    /// and file index on Windows): the same for every name and hard link of one file, another for a symbolic link
    /// itself. Comparing an open handle's identity with its path's own (the link not followed) tells that the path
    /// named that very file when it was opened, and comparing it later with the one recorded tells that a file
    /// opened again is still the one checked, so a file swapped for a link between a check and an upload is not sent.
    /// </summary>
    internal readonly struct FileIdentity : IEquatable<FileIdentity>
    {
        private const int FileReadAttributes = 0x80;
        private const int FileFlagOpenReparsePoint = 0x00200000;
        private const int FileFlagBackupSemantics = 0x02000000;

        // FileStatus of the runtime's native shim (UnixFileStatus) holds Dev at byte 88, then Ino and UserFlags, or, in
        // later runtimes, RDev and then Ino: the 24 bytes from 88 hold the device and the inode in either layout.
        private const int UnixIdentityOffset = 88;

        private static readonly bool OnWindows = Path.DirectorySeparatorChar == '\\';

        private static bool windowsCallsMissing;

        private readonly long volume;
        private readonly long index;
        private readonly long more;

        private FileIdentity(long volume, long index, long more)
        {
            this.volume = volume;
            this.index = index;
            this.more = more;
        }

        /// <summary>The identity of the file <paramref name="handle"/> has open; null where the system cannot tell (a safe fallback: the caller then checks by path).</summary>
        public static FileIdentity? Of(SafeFileHandle handle) =>
            OnWindows ? AskWindows(() => FromWindows(handle)) : FromUnix(UnixFileStatus.Of(handle));

        /// <summary>The identity of the entry <paramref name="path"/> itself: for a symbolic link or junction, the link's own, not its target's; null where the system cannot tell.</summary>
        public static FileIdentity? OfEntry(string path) => OfPath(path, followLinks: false);

        /// <summary>The identity of the file or folder opening <paramref name="path"/> reaches, links followed; null where the system cannot tell.</summary>
        public static FileIdentity? OfTarget(string path) => OfPath(path, followLinks: true);

        public bool Equals(FileIdentity other) => volume == other.volume && index == other.index && more == other.more;

        public override bool Equals(object? obj) => obj is FileIdentity other && Equals(other);

        public override int GetHashCode() => index.GetHashCode() ^ volume.GetHashCode();

        private static FileIdentity? OfPath(string path, bool followLinks) =>
            !OnWindows ? FromUnix(UnixFileStatus.Of(path, followLinks)) : AskWindows(() =>
            {
                // Attributes only, so a OneDrive file only online is not downloaded; backup semantics open a folder too.
                var flags = followLinks ? FileFlagBackupSemantics : FileFlagBackupSemantics | FileFlagOpenReparsePoint;
                using (var opened = CreateFile(path, FileReadAttributes, FileShare.ReadWrite | FileShare.Delete, IntPtr.Zero, FileMode.Open, flags, IntPtr.Zero))
                {
                    return opened.IsInvalid ? null : FromWindows(opened);
                }
            });

        private static FileIdentity? AskWindows(Func<FileIdentity?> ask)
        {
            if (windowsCallsMissing)
            {
                return null;
            }

            try
            {
                return ask();
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                windowsCallsMissing = true;
                return null;
            }
        }

        private static FileIdentity? FromUnix(byte[]? status)
        {
            if (status == null)
            {
                return null;
            }

            var identity = new FileIdentity(
                BitConverter.ToInt64(status, UnixIdentityOffset), BitConverter.ToInt64(status, UnixIdentityOffset + 8), BitConverter.ToInt64(status, UnixIdentityOffset + 16));

            // A runtime whose record stops before the device and inode leaves the bytes as they were: unknown, not equal.
            return identity.Equals(default(FileIdentity)) ? (FileIdentity?)null : identity;
        }

        private static FileIdentity? FromWindows(SafeFileHandle handle) =>
            GetFileInformationByHandle(handle, out var information)
                ? new FileIdentity(information.VolumeSerialNumber, ((long)information.FileIndexHigh << 32) | information.FileIndexLow, 0)
                : (FileIdentity?)null;

        [DllImport("kernel32.dll", SetLastError = true)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool GetFileInformationByHandle(SafeFileHandle handle, out ByHandleFileInformation information);

        [DllImport("kernel32.dll", EntryPoint = "CreateFileW", CharSet = CharSet.Unicode, SetLastError = true)]
        private static extern SafeFileHandle CreateFile(string name, int access, FileShare share, IntPtr security, FileMode mode, int flags, IntPtr template);

        /// <summary>BY_HANDLE_FILE_INFORMATION; each FILETIME is two DWORDs, so nothing is padded.</summary>
        [StructLayout(LayoutKind.Sequential)]
        private struct ByHandleFileInformation
        {
            public uint FileAttributes;
            public uint CreationTimeLow;
            public uint CreationTimeHigh;
            public uint LastAccessTimeLow;
            public uint LastAccessTimeHigh;
            public uint LastWriteTimeLow;
            public uint LastWriteTimeHigh;
            public uint VolumeSerialNumber;
            public uint FileSizeHigh;
            public uint FileSizeLow;
            public uint NumberOfLinks;
            public uint FileIndexHigh;
            public uint FileIndexLow;
        }
    }
}
