using System;
using System.IO;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// A file written beside its destination under a temporary name and moved over it only once complete, so
    /// a failure midway never leaves half a file where a good one was: the old file stays until the move. The file
    /// replaced keeps its mode, and a link at the destination is written through (<see cref="ReplacedFile"/>).
    /// </summary>
    internal sealed class AtomicFile : IDisposable
    {
        private readonly string destination;
        private readonly string temporary;
        private readonly bool noClobber;
        private bool committed;

        /// <param name="noClobber">Refuse to replace a file that exists.</param>
        /// <param name="force">Replace a read-only file too.</param>
        /// <exception cref="ExportException">The destination is not a file, exists and may not be replaced, or its folder cannot be written.</exception>
        public AtomicFile(string destination, bool noClobber, bool force)
        {
            // A link's target is the file replaced, as Export-Csv writes through a link; the link stays (ReplacedFile).
            destination = ReplacedFile.Target(destination);
            RefuseNotAFile(destination);
            this.destination = destination;
            this.noClobber = noClobber;
            RefuseReplacing(destination, noClobber, force);
            var folder = Path.GetDirectoryName(Path.GetFullPath(destination))!;
            temporary = Path.Combine(folder, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                Stream = ReplacedFile.Create(temporary, destination, 64 * 1024);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ExportException(NotionErrorIds.NotionExportFileFailed, $"Cannot write in the folder of '{destination}': {ex.Message}", ex);
            }
        }

        /// <summary>
        /// Refuses to replace a file that exists with <paramref name="noClobber"/>, or a read-only one without <paramref name="force"/>:
        /// told before any row is read or any folder made, and again when the file is opened.
        /// </summary>
        /// <exception cref="ExportException">NotionExportFileExists or NotionExportFileFailed.</exception>
        public static void RefuseReplacing(string destination, bool noClobber, bool force)
        {
            var target = ReplacedFile.Target(destination);
            var existing = new FileInfo(target);
            if (existing.Exists && noClobber)
            {
                throw new ExportException(NotionErrorIds.NotionExportFileExists, $"The file '{target}' exists and is not replaced.");
            }

            if (existing.Exists && existing.IsReadOnly && !force)
            {
                throw new ExportException(NotionErrorIds.NotionExportFileFailed, $"The file '{target}' is read-only, so it is not replaced.");
            }
        }

        /// <summary>
        /// Refuses a destination that is a folder, a device or a pipe, before anything is read or written: no file can be
        /// moved over a folder, and moving one over a device (as root) would replace the device itself.
        /// </summary>
        /// <exception cref="ExportException">NotionExportPathNotAFile.</exception>
        public static void RefuseNotAFile(string destination)
        {
            if (Directory.Exists(destination))
            {
                throw new ExportException(NotionErrorIds.NotionExportPathNotAFile, $"'{destination}' is a folder; give a file path, such as a .csv or .json file in that folder.");
            }

            if (LocalEntry.NotAFile(destination) is string what)
            {
                throw new ExportException(NotionErrorIds.NotionExportPathNotAFile, $"'{destination}' is {what}, not a file; give the path of a .csv or .json file to write.");
            }
        }

        /// <summary>
        /// Refuses a destination in a folder that does not exist (as Export-Csv, the folder is not made), before any row is
        /// read: the temporary file could not be created there, and that error would name the temporary file. A folder
        /// that <paramref name="created"/> (-IncludeFiles, made with its parents before the file is written) lies in is no refusal,
        /// its path compared as the system's file systems compare names (C:\Out is c:\out on Windows).
        /// </summary>
        /// <exception cref="ExportException">NotionExportFileFailed.</exception>
        public static void RefuseMissingFolder(string destination, string? created) => RefuseMissingFolder(destination, created, FileSystemCase.Comparison);

        internal static void RefuseMissingFolder(string destination, string? created, StringComparison pathComparison)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(destination));
            var madeByCommand = created != null && folder != null && FileSystemCase.IsSameOrUnder(Path.GetFullPath(created), folder, pathComparison);
            if (folder != null && !madeByCommand && !Directory.Exists(folder))
            {
                throw new ExportException(NotionErrorIds.NotionExportFileFailed,
                    $"The folder '{folder}' does not exist, so '{destination}' cannot be written. Create it first (New-Item -ItemType Directory -Path {CommandText.Literal(folder)}), or give a path in a folder that exists.");
            }
        }

        /// <summary>The temporary file's stream: write the whole content here, then <see cref="Commit"/>.</summary>
        public FileStream Stream { get; }

        /// <summary>Closes the temporary file and moves it over the destination in one step.</summary>
        /// <exception cref="ExportException">The move failed; the destination is as it was.</exception>
        public void Commit()
        {
            Stream.Dispose();
            try
            {
                var existing = new FileInfo(destination);
                if (existing.Exists && existing.IsReadOnly && !noClobber)
                {
                    existing.IsReadOnly = false;
                }

                if (noClobber)
                {
                    File.Move(temporary, destination);
                }
                else
                {
                    ReplacedFile.Replace(temporary, destination);
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ExportException(NotionErrorIds.NotionExportFileFailed, $"Cannot replace '{destination}': {ex.Message} The file is as it was.", ex);
            }

            committed = true;
        }

        /// <summary>Without a commit, deletes the temporary file: the destination is untouched.</summary>
        public void Dispose()
        {
            Stream.Dispose();
            if (!committed)
            {
                try
                {
                    File.Delete(temporary);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    // Left behind under its temporary name; the destination is still untouched.
                }
            }
        }
    }
}
