using System;
using System.IO;
using System.Reflection;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A file replaced whole by a temporary file renamed over it (an export, a checkpoint) keeps what the user set on the
    /// file, as Export-Csv, which writes in place, does: a symbolic link is followed to its final target, which is the file
    /// replaced (the link stays a link), and on Unix the new file takes the old one's mode. On Windows File.Replace already
    /// keeps the replaced file's ACL and attributes. A hard link's other names keep the old content: the rename replaces only
    /// the name given, which is what keeps the write atomic.
    /// </summary>
    internal static class ReplacedFile
    {
        private const int OwnerReadWrite = 0x180; // 0600

        private static readonly bool IsUnix = Path.DirectorySeparatorChar == '/';

        // netstandard2.0 cannot name these (.NET 6 and 7 added them), so they are found at run time: PowerShell 7.4 and later
        // (.NET 8) has them all; Windows PowerShell 5.1 runs on Windows, where File.Replace keeps the ACL and none is needed.
        private static readonly MethodInfo? ResolveLinkTarget = typeof(FileSystemInfo).GetMethod("ResolveLinkTarget", new[] { typeof(bool) });
        private static readonly MethodInfo? GetUnixFileMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });
        private static readonly MethodInfo? SetUnixFileMode = GetUnixFileMode == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), GetUnixFileMode.ReturnType });
        private static readonly Type? StreamOptions = typeof(FileStream).Assembly.GetType("System.IO.FileStreamOptions");

        /// <summary>The file a write to <paramref name="path"/> replaces: the final target of a symbolic link (existing or not), else the path itself.</summary>
        public static string Target(string path)
        {
            try
            {
                return (ResolveLinkTarget?.Invoke(new FileInfo(path), new object[] { true }) as FileSystemInfo)?.FullName ?? path;
            }
            catch (TargetInvocationException)
            {
                // A link that cannot be read, or a loop: the rename then fails or replaces the link, and says so.
                return path;
            }
        }

        /// <summary>
        /// Creates <paramref name="temporary"/> for writing. When it is to replace <paramref name="destination"/> on Unix, it is
        /// made readable by its owner only (0600) until <see cref="Replace"/> gives it the destination's mode: a chmod after
        /// opening would leave a window in which another user could open the file and read what is written later.
        /// A new file gets the default mode (0666 less the umask), as Export-Csv's does.
        /// </summary>
        public static FileStream Create(string temporary, string destination, int bufferSize)
        {
            if (IsUnix && StreamOptions != null && GetUnixFileMode != null && File.Exists(destination))
            {
                var options = Activator.CreateInstance(StreamOptions)!;
                StreamOptions.GetProperty("Mode")!.SetValue(options, FileMode.CreateNew);
                StreamOptions.GetProperty("Access")!.SetValue(options, FileAccess.Write);
                StreamOptions.GetProperty("Share")!.SetValue(options, FileShare.None);
                StreamOptions.GetProperty("BufferSize")!.SetValue(options, bufferSize);
                StreamOptions.GetProperty("UnixCreateMode")!.SetValue(options, Enum.ToObject(GetUnixFileMode.ReturnType, OwnerReadWrite));
                return Unwrapped(() => (FileStream)Activator.CreateInstance(typeof(FileStream), temporary, options)!);
            }

            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize);
        }

        /// <summary>Renames the closed <paramref name="temporary"/> over <paramref name="destination"/> (a <see cref="Target"/>), or to it when there is none.</summary>
        public static void Replace(string temporary, string destination)
        {
            if (!File.Exists(destination))
            {
                File.Move(temporary, destination);
                return;
            }

            if (IsUnix && SetUnixFileMode != null)
            {
                Unwrapped(() => SetUnixFileMode.Invoke(null, new[] { temporary, GetUnixFileMode!.Invoke(null, new object[] { destination }) }));
            }

            File.Replace(temporary, destination, null);
        }

        /// <summary>The IOException or UnauthorizedAccessException a call through reflection threw, as a direct call throws it.</summary>
        private static T Unwrapped<T>(Func<T> call)
        {
            try
            {
                return call();
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }
    }
}
