using NotionPS.Content;

namespace NotionPS.Operations.Files
{
    /// <summary>A local file a Markdown block shows, checked (<see cref="ContentFileUploads.Check"/>) and not yet uploaded.</summary>
    internal sealed class ContentFile
    {
        public ContentFile(ContentBlock block, LocalFile file)
        {
            Block = block;
            File = file;
        }

        public ContentBlock Block { get; }

        public LocalFile File { get; }
    }
}
