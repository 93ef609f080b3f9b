using System;

namespace NotionPS.Client
{
    /// <summary>A file host that did not serve a file: <see cref="Status"/> 0 when it did not answer at all.</summary>
    internal sealed class FileDownloadException : Exception
    {
        public FileDownloadException(int status, string message)
            : base(message)
        {
            Status = status;
        }

        public int Status { get; }

        /// <summary>Notion's signed URLs answer 403 once they have expired (S3's AccessDenied, "Request has expired").</summary>
        public bool MayHaveExpired => Status == 403;
    }
}
