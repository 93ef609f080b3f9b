using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// -LocalFileRoot, the one folder whose files a command may upload when its input names them (Markdown of New-NotionPage
    /// and Set-NotionPageContent, files cells' text of the row-writing cmdlets), and the ShouldProcess of each upload, so
    /// that -WhatIf lists the files a real run would send.
    /// </summary>
    internal static class LocalFileUploads
    {
        /// <summary>The folder -LocalFileRoot names, or null when it was not given; one that is no folder stops the cmdlet.</summary>
        public static LocalFileRoot? Root(NotionAsyncCmdlet cmdlet, string? path)
        {
            if (path == null)
            {
                return null;
            }

            var folder = LocalPaths.FileSystemPathOrStop(cmdlet, path);
            if (!Directory.Exists(folder))
            {
                var what = File.Exists(folder) ? "is a file, not a folder" : "names no folder";
                var failure = new NotionFileException(NotionErrorIds.NotionLocalFileRootInvalid,
                    $"-LocalFileRoot '{ServerText.Visible(path)}' {what}. Give the folder that holds the files to upload (Test-Path -PathType Container tells whether it is one).");
                cmdlet.ThrowTerminatingError(NotionErrorRecords.From(failure, path));
            }

            var root = new LocalFileRoot(folder);
            if (root.IsWide)
            {
                cmdlet.WriteWarning($"-LocalFileRoot '{ServerText.Visible(root.Folder)}' is a drive or file-system root or your home folder: any file under it may be uploaded if the input names it. Give a folder kept for the files to upload (such as ./attachments).");
            }

            return root;
        }

        /// <summary>
        /// One ShouldProcess for each file: -WhatIf writes a line for each (and the page's own ShouldProcess then stops
        /// the write), -Verbose too, and -Confirm asks for each. False when the user declined one.
        /// </summary>
        public static bool ShouldUpload(NotionAsyncCmdlet cmdlet, IReadOnlyList<ContentFile> files) =>
            ShouldUpload(cmdlet, files.Select(file => (file.File, $"Markdown line {file.Block.Line}")));

        /// <summary>As for Markdown, for checked files each with where it is named (a files cell's column).</summary>
        public static bool ShouldUpload(NotionAsyncCmdlet cmdlet, IEnumerable<(LocalFile File, string Place)> files)
        {
            foreach (var (file, place) in files)
            {
                var path = ServerText.Visible(file.Path);
                var description = string.Format(CultureInfo.CurrentCulture, "Upload the local file '{0}' ({1:N0} bytes, {2}) to Notion.", path, file.Size, place);
                if (!cmdlet.ShouldProcess(description, $"Upload the local file '{path}' to Notion?", "Upload file", out var reason) && reason != ShouldProcessReason.WhatIf)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
