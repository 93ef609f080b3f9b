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

        /// <summary>The URL is no http(s) URL, so no later run downloads it either.</summary>
        public bool IsNotWeb { get; private set; }

        public static FileDownloadException NotWeb(string message) => new FileDownloadException(0, message) { IsNotWeb = true };
    }
}
