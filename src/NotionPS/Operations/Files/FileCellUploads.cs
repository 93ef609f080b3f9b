using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Rows;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// Finishes a row's files cells before the row is sent (see <see cref="FileCells"/>): local files are uploaded,
    /// uploads made earlier are checked to be still attachable, and the URLs of a row being copied that Notion
    /// hosts are downloaded and uploaded again (a signed URL expires within the hour, so it cannot be linked).
    /// Any failure fails the row before it is sent, so nothing is attached. One instance serves a command's rows, several
    /// at once (each in its own work): it keeps nothing of a row, and what the rows share, the workspace's upload limit
    /// (<see cref="FileUploader"/>), is asked once under a lock.
    /// </summary>
    internal sealed class FileCellUploads
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly FileUploader uploader;
        private readonly FileSaver reader;

        public FileCellUploads(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its lines quote file hosts and Notion, which may echo the token
            uploader = new FileUploader(client, log);
            reader = new FileSaver(client, log);
        }

        /// <summary>
        /// Finishes each pending file in turn. A failure of any step (the workspace's limit, creating or sending an upload,
        /// checking one, reading the copied row) is a <see cref="RowFilesException"/> naming the file and its column: the row
        /// is then never sent.
        /// </summary>
        /// <param name="sourcePageId">The page of the row the values were read from, when they were (a row copy); null otherwise.</param>
        public async Task CompleteAsync(IReadOnlyList<PendingFile> pending, string? sourcePageId, CancellationToken cancellationToken)
        {
            IReadOnlyList<RowFile>? source = null;
            foreach (var file in pending)
            {
                try
                {
                    source = await CompleteAsync(file, source, sourcePageId, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException))
                {
                    throw new RowFilesException(FailedStep(file) + ", so the row was not sent:", ex);
                }
            }
        }

        /// <returns>The copied row's files, once read (a row copy reads them once for all its cells).</returns>
        private async Task<IReadOnlyList<RowFile>?> CompleteAsync(PendingFile file, IReadOnlyList<RowFile>? source, string? sourcePageId, CancellationToken cancellationToken)
        {
            switch (file.Kind)
            {
                case PendingFileKind.Upload:
                    var upload = await uploader.UploadAsync(file.File!, null, cancellationToken).ConfigureAwait(false);
                    file.Attach(upload.Id, upload.Name);
                    break;
                case PendingFileKind.CheckUpload:
                    await CheckUploadAsync(file, cancellationToken).ConfigureAwait(false);
                    break;
                case PendingFileKind.CopyIfHosted when sourcePageId != null:
                    source ??= await reader.ReadFilesAsync(sourcePageId, cancellationToken).ConfigureAwait(false);
                    var original = source.FirstOrDefault(candidate => SameFile(candidate.Url, file.Source));
                    if (original != null && original.IsHosted)
                    {
                        await CopyAsync(original, file, cancellationToken).ConfigureAwait(false);
                    }
                    else if (original != null)
                    {
                        file.Item["name"] = original.Name;
                    }

                    break;
            }

            return source;
        }

        /// <summary>What failed, as a row's error tells it: the step, the file and its column.</summary>
        private static string FailedStep(PendingFile file)
        {
            var column = ServerText.Visible(file.Column);
            switch (file.Kind)
            {
                case PendingFileKind.Upload:
                    return $"The upload of '{file.File!.Shown}' (column '{column}') failed";
                case PendingFileKind.CheckUpload:
                    return $"The check of file upload {ServerText.VisibleShort(file.Source)} (column '{column}') failed";
                default:
                    var name = file.Item["name"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var text) ? text : file.Source;
                    return $"The copy of '{ServerText.VisibleShort(name)}' (column '{column}') from the row it was read from failed";
            }
        }

        /// <summary>An upload can be attached while it is uploaded and not expired; Notion's clock decides, so Notion is asked.</summary>
        private async Task CheckUploadAsync(PendingFile file, CancellationToken cancellationToken)
        {
            using (var upload = await client.GetFileUploadAsync(file.Source, log, cancellationToken).ConfigureAwait(false))
            {
                var status = JsonRead.String(upload.RootElement, "status");
                var name = JsonRead.String(upload.RootElement, "filename");
                switch (status)
                {
                    case "uploaded":
                        return;
                    case "expired":
                        throw new NotionFileException(NotionErrorIds.NotionFileUploadExpired,
                            $"The upload of '{ServerText.VisibleOrNull(name)}' ({file.Source}) expired before it was attached: Notion keeps an upload an hour until it is attached. Nothing was attached.");
                    default:
                        throw new NotionFileException(NotionErrorIds.NotionFileUploadFailed,
                            $"The upload of '{ServerText.VisibleOrNull(name)}' ({file.Source}) is {ServerText.VisibleOrNull(status)}, not uploaded: its content was not all sent. Nothing was attached.");
                }
            }
        }

        /// <summary>Downloads a Notion-hosted file to a private temporary folder and uploads it again under its name.</summary>
        private async Task CopyAsync(RowFile original, PendingFile file, CancellationToken cancellationToken)
        {
            var folder = Path.Combine(Path.GetTempPath(), "NotionPS-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                var path = Path.Combine(folder, SafeFileNames.Safe(original.Name));
                try
                {
                    using (var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
                    {
                        await FileHost.DownloadAsync(new Uri(original.Url), output, client.Options.Timeout, log, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (FileDownloadException ex)
                {
                    // Only the host's answer: the row's error (FailedStep) already names the file, its column and the copy.
                    throw new NotionFileException(NotionErrorIds.NotionFileDownloadFailed, ex.Message, ex);
                }

                log.Verbose($"Copying '{ServerText.Visible(original.Name)}' ({ServerText.Visible(original.Column)}): Notion hosts it, so it is uploaded again.");
                var upload = await uploader.UploadAsync(LocalFile.Check(path, original.Name, null), null, cancellationToken).ConfigureAwait(false);
                file.Attach(upload.Id, upload.Name);
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        /// <summary>The same file: the same address up to the query (a signed URL's query changes with each read).</summary>
        private static bool SameFile(string url, string other) =>
            Uri.TryCreate(url, UriKind.Absolute, out var first) && Uri.TryCreate(other, UriKind.Absolute, out var second)
            && first.GetLeftPart(UriPartial.Path) == second.GetLeftPart(UriPartial.Path);
    }
}
