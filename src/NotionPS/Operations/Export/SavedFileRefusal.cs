using NotionPS.Ids;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>A file a backup saved that its import does not upload (see <see cref="ImportPlan.Members"/>): the cell takes the file's URL instead.</summary>
    internal sealed class SavedFileRefusal
    {
        public SavedFileRefusal(string column, NotionFileException reason, string? url, string? copy)
        {
            Column = column;
            Reason = reason;
            Url = url;
            Copy = copy;
        }

        /// <summary>The backup's column.</summary>
        public string Column { get; }

        public NotionFileException Reason { get; }

        /// <summary>The URL the backup holds for the file, written instead; null when it holds none.</summary>
        public string? Url { get; }

        /// <summary>The saved copy's full path, as messages show it; null when no file is there.</summary>
        public string? Copy { get; }

        /// <summary>
        /// Why, and what the cell gets instead: a Notion-hosted file's URL in a backup was signed for about an hour, so where
        /// the saved copy is matters to whoever must attach it by hand. The URL is shown with its user info masked.
        /// </summary>
        public string Message =>
            $"the saved file is not read. {Reason.Message} "
            + (Url == null
                ? "The backup holds no URL for the file either, so the cell is written without it."
                : $"The file's URL is written instead ({WebUrls.Shown(Url)}); if Notion hosted the file, that link lasted about an hour and has probably expired"
                    + (Copy == null ? "." : $": the saved copy is '{Copy}'."));
    }
}
