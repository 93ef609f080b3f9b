using System.Text.Json.Nodes;
using NotionPS.Operations.Files;

namespace NotionPS.Rows
{
    /// <summary>What must happen to one item of a files cell before the row is sent.</summary>
    internal enum PendingFileKind
    {
        /// <summary>A local file: upload it, then attach the upload.</summary>
        Upload,

        /// <summary>An upload made earlier: check it has not expired.</summary>
        CheckUpload,

        /// <summary>A URL from a row NotionPS read: if Notion hosts it, download and upload it again (a signed URL expires).</summary>
        CopyIfHosted,
    }

    /// <summary>
    /// An item of a files cell whose JSON (<see cref="Item"/>, already in the cell) is completed before the row is
    /// sent: its file_upload id filled in, or its name corrected.
    /// </summary>
    internal sealed class PendingFile
    {
        public PendingFile(string column, PendingFileKind kind, JsonObject item, string source, LocalFile? file = null)
        {
            Column = column;
            Kind = kind;
            Item = item;
            Source = source;
            File = file;
        }

        public string Column { get; }

        public PendingFileKind Kind { get; }

        /// <summary>The cell's item, changed in place.</summary>
        public JsonObject Item { get; }

        /// <summary>The full path of a local file, the upload's ID, or the URL.</summary>
        public string Source { get; }

        /// <summary>For <see cref="PendingFileKind.Upload"/>, the local file as checked when the cell was read; the upload sends that file.</summary>
        public LocalFile? File { get; }

        /// <summary>Makes the item attach the upload <paramref name="uploadId"/>, under <paramref name="name"/>.</summary>
        public void Attach(string uploadId, string name)
        {
            Item.Clear();
            Item["name"] = name;
            Item["type"] = "file_upload";
            Item["file_upload"] = new JsonObject { ["id"] = uploadId };
        }
    }
}
