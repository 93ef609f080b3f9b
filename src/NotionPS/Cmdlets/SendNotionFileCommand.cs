using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Uploads local files to Notion, to attach to a files column (Add-NotionDatabaseRow, Set-NotionDatabaseRow).
    /// <para>
    /// A file up to 20 MB goes in one request; a larger one in 10 MB parts, several at a time within the rate limit,
    /// each read from disk as it is sent and retried as Notion allows. A file over the workspace's limit is refused
    /// before any byte is sent. The upload expires if it is not attached within the hour.
    /// </para>
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "NotionFile", DefaultParameterSetName = ByPath, SupportsShouldProcess = true, HelpUri = HelpUriBase + "Send-NotionFile.md")]
    [OutputType(typeof(NotionFileUpload))]
    public sealed class SendNotionFileCommand : NotionConnectedCmdlet
    {
        private const string ByPath = "Path";
        private const string ByLiteralPath = "LiteralPath";

        private FileUploader? uploader;
        private int activity;

        /// <summary>The files to send; wildcards are expanded.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = ByPath, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = Array.Empty<string>();

        /// <summary>The files to send, as written (no wildcards); what Get-ChildItem's files bind to.</summary>
        [Parameter(Mandatory = true, ParameterSetName = ByLiteralPath, ValueFromPipelineByPropertyName = true)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>The name the file has in Notion; by default its own.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        /// <summary>The content type; by default taken from the extension.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ContentType { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            uploader = new FileUploader(Client, Log);
        }

        protected override void ProcessRecord()
        {
            foreach (var path in ParameterSetName == ByLiteralPath ? LiteralPath : Path)
            {
                foreach (var file in Resolve(path, ParameterSetName == ByLiteralPath))
                {
                    Send(file, path);
                }
            }
        }

        /// <summary>The files <paramref name="path"/> names; none (and its error written) when it names no file on disk, so the other paths are still sent.</summary>
        private IEnumerable<string> Resolve(string path, bool literal)
        {
            try
            {
                return literal ? new[] { LocalPaths.FileSystemPath(this, path) } : LocalPaths.ExistingFileSystemPaths(this, path);
            }
            catch (ItemNotFoundException ex)
            {
                WriteError(NotionErrorRecords.From(new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file matches '{ShownPaths.Shown(path)}'.", ex), path));
            }
            catch (NotionFileException ex)
            {
                WriteError(NotionErrorRecords.From(ex, path));
            }

            return Array.Empty<string>();
        }

        private void Send(string path, string given)
        {
            LocalFile file;
            try
            {
                file = LocalFile.Check(path, Name, ContentType);
            }
            catch (NotionFileException ex)
            {
                WriteError(NotionErrorRecords.From(ex, given));
                return;
            }

            if (!ShouldProcess(path, $"Upload as '{file.Name}' ({file.Size} bytes, {file.ContentType})"))
            {
                return;
            }

            var progress = new ProgressRecord(++activity, "Send-NotionFile", $"Uploading {file.Name}");
            long sent = 0;
            void Report()
            {
                var bytes = Interlocked.Read(ref sent);
                progress.PercentComplete = (int)Math.Min(100, bytes * 100 / file.Size);
                progress.StatusDescription = $"Uploading {file.Name}: {bytes / 1024:N0} of {file.Size / 1024:N0} KB";
                WriteProgress(progress);
            }

            try
            {
                var upload = RunWithLogPump(cancellationToken => uploader!.UploadAsync(file, bytes => Interlocked.Exchange(ref sent, bytes), cancellationToken), Report);
                WriteObject(upload);
            }
            catch (NotionException ex)
            {
                WriteError(NotionErrorRecords.From(ex, given, new RemedyFacts(ActiveConnection.BotName)));
            }
            finally
            {
                progress.RecordType = ProgressRecordType.Completed;
                WriteProgress(progress);
            }
        }
    }
}
