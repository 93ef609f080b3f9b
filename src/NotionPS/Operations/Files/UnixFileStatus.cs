using System;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// The runtime's own stat of a file on Unix: the FileStatus record of its native shim (libSystem.Native, which .NET's
    /// file APIs read), for what netstandard2.0 has no public API for: a file's type bits (<see cref="LocalEntry"/>) and its
    /// device and inode (<see cref="FileIdentity"/>). Null where the call fails, and where the shim is missing (.NET
    /// Framework), which callers then treat as unknown.
    /// </summary>
    internal static class UnixFileStatus
    {
        /// <summary>Larger than the whole FileStatus record of any runtime.</summary>
        private const int RecordSize = 256;

        /// <summary>Whether the shim or its calls are missing from this runtime (found at the first call).</summary>
        public static bool CallsMissing { get; private set; }

        /// <summary>The record of <paramref name="path"/>: of what it leads to with <paramref name="followLinks"/>, else of the entry itself.</summary>
        public static byte[]? Of(string path, bool followLinks) => Ask(status => followLinks ? Stat(path, status) : LStat(path, status));

        /// <summary>The record of the file <paramref name="handle"/> has open.</summary>
        public static byte[]? Of(SafeFileHandle handle) => Ask(status => FStat(handle, status));

        /// <param name="stat">Fills the record; 0 on success.</param>
        private static byte[]? Ask(Func<byte[], int> stat)
        {
            if (CallsMissing)
            {
                return null;
            }

            var status = new byte[RecordSize];
            try
            {
                return stat(status) == 0 ? status : null;
            }
            catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
                CallsMissing = true;
                return null;
            }
        }

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_FStat")]
        private static extern int FStat(SafeFileHandle handle, byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int Stat(string path, byte[] status);

        [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int LStat(string path, byte[] status);
    }
}
