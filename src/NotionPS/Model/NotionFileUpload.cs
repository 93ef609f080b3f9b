using System;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS
{
    /// <summary>
    /// A file sent to Notion with Send-NotionFile: attach it by putting it in a files column of
    /// Add-NotionDatabaseRow or Set-NotionDatabaseRow. Until it is attached it expires at <see cref="ExpiryTime"/>.
    /// </summary>
    public sealed class NotionFileUpload
    {
        internal NotionFileUpload(string id, string name, long size, string? contentType, string status, DateTime? expiryTime)
        {
            Id = id;
            Name = name;
            Size = size;
            ContentType = contentType;
            Status = status;
            ExpiryTime = expiryTime;
        }

        /// <summary>The file upload's ID, which a files property, a media block or a page icon attaches.</summary>
        public string Id { get; }

        public string Name { get; }

        /// <summary>The file's size in bytes.</summary>
        public long Size { get; }

        public string? ContentType { get; }

        /// <summary>Notion's status: uploaded once the content is all there; pending, expired or failed otherwise.</summary>
        public string Status { get; }

        /// <summary>When the upload expires unless attached (UTC); null once attached.</summary>
        public DateTime? ExpiryTime { get; }

        public override string ToString() => Name;

        /// <summary>Reads Notion's file_upload object; the size is the file's when Notion leaves content_length out.</summary>
        internal static NotionFileUpload FromJson(JsonElement upload, long size) => new NotionFileUpload(
            JsonRead.String(upload, "id") ?? string.Empty,
            JsonRead.String(upload, "filename") ?? string.Empty,
            upload.TryGetProperty("content_length", out var length) && length.TryGetInt64(out var bytes) ? bytes : size,
            JsonRead.String(upload, "content_type"),
            JsonRead.String(upload, "status") ?? string.Empty,
            JsonRead.Time(upload, "expiry_time"));
    }
}
