using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// Sends local files to Notion as file uploads: in one part up to 20 MiB, above that in 10 MiB parts (Notion's
    /// advice) sent several at a time within the rate limit, each read from disk as it is sent and again for a
    /// retry, so memory holds a copy buffer per part in flight whatever the file's size. The file is opened once,
    /// before the upload is created, and every part is read from that handle (<see cref="SentFile"/>).
    /// </summary>
    internal sealed class FileUploader
    {
        public const long MiB = 1024 * 1024;

        /// <summary>The most a single-part upload, or one part, may hold.</summary>
        public const long SinglePartLimit = 20 * MiB;

        public const long PartSize = 10 * MiB;

        /// <summary>
        /// Parts in flight at once, for all the files this uploader sends (one command's: rows upload -ThrottleLimit at a
        /// time), so the bytes on the wire stay what one file's parts were and a slow uplink sends each part within the
        /// request timeout; the rate limiter still spaces every request.
        /// </summary>
        public const int PartsInFlight = 3;

        private const int MaxParts = 1000;

        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly object limitLock = new object();
        private Task<long?>? workspaceLimit;
        private readonly SemaphoreSlim partsInFlight = new SemaphoreSlim(PartsInFlight);

        public FileUploader(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <summary>
        /// Uploads one file and returns the upload, status uploaded. A file over the workspace's limit is refused
        /// before any byte is sent; a part that still fails after its retries fails the whole upload.
        /// </summary>
        /// <param name="bytesSent">Called, from any thread, with the bytes sent so far.</param>
        public async Task<NotionFileUpload> UploadAsync(LocalFile file, Action<long>? bytesSent, CancellationToken cancellationToken)
        {
            long? limit;
            try
            {
                limit = await WorkspaceLimitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NotionApiException ex) when (NoClearAnswer(ex))
            {
                throw new NotionFileException(NotionErrorIds.NotionFileUploadFailed,
                    $"The workspace's upload limit could not be read (GET v1/users/me), so nothing of '{file.Shown}' was sent: {ex.Message}", ex);
            }

            if (limit is long max && file.Size > max)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileTooLarge,
                    $"'{file.Shown}' is {file.Size} bytes, more than this workspace's limit of {max} bytes (users/me bot.workspace_limits.max_file_upload_size_in_bytes); nothing was sent.");
            }

            var partSize = Math.Max(PartSize, (file.Size + MaxParts - 1) / MaxParts);
            var parts = file.Size <= SinglePartLimit ? 1 : (int)((file.Size + partSize - 1) / partSize);
            var body = new JsonObject { ["filename"] = file.Name, ["content_type"] = file.ContentType };
            if (parts > 1)
            {
                body["mode"] = "multi_part";
                body["number_of_parts"] = parts;
            }

            // Opened before the upload is created: a file replaced since the check creates none.
            using var opened = SentFile.Open(file);
            string id;
            using (var created = await client.CreateFileUploadAsync(body, log, cancellationToken).ConfigureAwait(false))
            {
                id = JsonRead.String(created.RootElement, "id") ?? throw new NotionFileException(NotionErrorIds.NotionFileUploadFailed, $"Notion created no upload for '{file.Shown}' (its answer had no id).");
            }

            var sentByPart = new long[parts];
            void Sent(int index, long bytes)
            {
                Interlocked.Exchange(ref sentByPart[index], bytes);
                bytesSent?.Invoke(sentByPart.Sum());
            }

            // The first part that fails stops the others: the upload has failed, and what they would send is wasted.
            NotionFileUpload?[] answers;
            using (var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                var sends = Enumerable.Range(0, parts).Select(async index =>
                {
                    await partsInFlight.WaitAsync(failed.Token).ConfigureAwait(false);
                    try
                    {
                        var offset = index * partSize;
                        var length = Math.Min(partSize, file.Size - offset);
                        return await SendPartAsync(opened, id, parts == 1 ? (int?)null : index + 1, offset, length, bytes => Sent(index, bytes), failed.Token).ConfigureAwait(false);
                    }
                    catch (NotionFileException)
                    {
                        failed.Cancel();
                        throw;
                    }
                    finally
                    {
                        partsInFlight.Release();
                    }
                }).ToList();
                try
                {
                    answers = await Task.WhenAll(sends).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // A part stopped because another failed: that failure is the one to tell.
                    throw sends.Where(send => send.IsFaulted).Select(send => send.Exception!.InnerException).OfType<NotionFileException>().First();
                }
            }

            if (parts == 1)
            {
                // A single part's send answers with the upload as it now is (uploaded): nothing to read back.
                return answers[0]!;
            }

            using (var completed = await Failing(file, id, null, () => client.CompleteFileUploadAsync(id, log, cancellationToken)).ConfigureAwait(false))
            {
                return NotionFileUpload.FromJson(completed.RootElement, file.Size);
            }
        }

        /// <summary>
        /// The workspace's limit, asked once per uploader (a command's worth of files): the files waiting for it share one
        /// request (itself repeated after a 5xx or a dropped connection, as every read is), and so share its failure. A
        /// failure is not kept: the next file asks afresh.
        /// </summary>
        /// <summary>
        /// A lookup of the limit that Notion did not answer clearly (no answer, or a server error that outlasted the retries):
        /// only that is an upload failure to run again. An answer that says why (a 401 for a revoked token, a 403, a 429 or
        /// 529 asking for a wait longer than the connection allows) keeps its own id and remedy, which say what to do.
        /// </summary>
        private static bool NoClearAnswer(NotionApiException failure) =>
            (failure.Status == 0 || failure.Status >= 500) && failure.ErrorId != NotionErrorIds.NotionRetryWaitTooLong;

        private Task<long?> WorkspaceLimitAsync(CancellationToken cancellationToken)
        {
            lock (limitLock)
            {
                if (workspaceLimit == null || workspaceLimit.IsFaulted || workspaceLimit.IsCanceled)
                {
                    workspaceLimit = client.GetMaxUploadBytesAsync(log, cancellationToken);
                }

                return workspaceLimit;
            }
        }

        /// <returns>For a single part, the upload as Notion answered the send; null for one of several (the upload is not whole yet).</returns>
        private async Task<NotionFileUpload?> SendPartAsync(SentFile opened, string id, int? partNumber, long offset, long length, Action<long> sent, CancellationToken cancellationToken)
        {
            var file = opened.Source;
            HttpContent Form()
            {
                // Each attempt reads the part from the file again, and counts its bytes from zero.
                sent(0);
                var content = new StreamContent(new PartStream(opened, offset, length, sent), 81920);
                content.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
                content.Headers.ContentLength = length;
                content.Headers.ContentDisposition = Disposition(file.Name);
                var form = new MultipartFormDataContent { content };
                if (partNumber != null)
                {
                    form.Add(new StringContent(partNumber.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "part_number");
                }

                return form;
            }

            using (var answer = await Failing(file, id, partNumber, () => client.SendFilePartAsync(id, Form, log, cancellationToken)).ConfigureAwait(false))
            {
                return partNumber == null ? NotionFileUpload.FromJson(answer.RootElement, file.Size) : null;
            }
        }

        /// <summary>
        /// The part's Content-Disposition: the name in full in filename* (RFC 5987 percent-encodes any character), and in
        /// filename an ASCII stand-in, its quotes, backslashes, controls and non-ASCII characters as '_'. MultipartFormDataContent's
        /// own header throws on a name with a quote (FormatException on a line break), and escapes no backslash. Notion keeps the
        /// name the upload was created with; this one only has to be one the header can carry.
        /// </summary>
        private static ContentDispositionHeaderValue Disposition(string name)
        {
            var ascii = new System.Text.StringBuilder(name.Length + 2).Append('"');
            foreach (var character in name)
            {
                ascii.Append(character < ' ' || character > '~' || character == '"' || character == '\\' ? '_' : character);
            }

            return new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = ascii.Append('"').ToString(), FileNameStar = name };
        }

        /// <summary>A send or complete that failed (after the retries Notion allows) fails the upload, naming the file and the part.</summary>
        private static async Task<JsonDocument> Failing(LocalFile file, string id, int? partNumber, Func<Task<JsonDocument>> step)
        {
            try
            {
                return await step().ConfigureAwait(false);
            }
            catch (NotionApiException ex) when (Innermost<NotionFileException>(ex) is NotionFileException changed)
            {
                // A runtime that reports the part's failed read as a failed connection (.NET Framework wraps it so) still tells the file's change.
                throw changed;
            }
            catch (NotionApiException ex)
            {
                var what = partNumber == null ? "The upload" : $"Part {partNumber} of the upload";
                throw new NotionFileException(NotionErrorIds.NotionFileUploadFailed,
                    $"{what} of '{file.Shown}' (file upload {id}) failed: {ex.Message} Nothing was attached.", ex);
            }
            catch (IOException ex)
            {
                throw new NotionFileException(NotionErrorIds.NotionFileUnreadable, $"'{file.Shown}' could not be read while it was sent: {ex.Message} Nothing was attached.", ex);
            }
        }

        private static T? Innermost<T>(Exception ex)
            where T : Exception
        {
            for (var cause = ex.InnerException; cause != null; cause = cause.InnerException)
            {
                if (cause is T found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
