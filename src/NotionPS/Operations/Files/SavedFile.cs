using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>A file saved, or why it was not.</summary>
    internal sealed class SavedFile
    {
        public SavedFile(RowFile file, string? path, NotionException? failure)
        {
            File = file;
            Path = path;
            Failure = failure;
        }

        public RowFile File { get; }

        public string? Path { get; }

        public NotionException? Failure { get; }
    }
}
