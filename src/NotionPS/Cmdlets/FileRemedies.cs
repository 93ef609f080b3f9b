using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// What to do about a file that could not be sent, attached or saved. Save-NotionFile and Export-NotionDatabase
    /// -IncludeFiles both save files, so a saving remedy names neither cmdlet nor a parameter only one of them has.
    /// </summary>
    internal static class FileRemedies
    {
        public static string? For(NotionException exception)
        {
            switch (exception.ErrorId)
            {
                case NotionErrorIds.NotionFileNotFound:
                    return "Check the path (Test-Path tells whether it exists); a relative path is taken from the current location, or from -LocalFileRoot for a Markdown line or a files cell's text.";
                case NotionErrorIds.NotionFileUnreadable:
                    return "Give a file you may read, and close any program that holds it locked.";
                case NotionErrorIds.NotionFileEmpty:
                    return "Send the file once it has content.";
                case NotionErrorIds.NotionFileNameRefused:
                    return "Give Send-NotionFile -Name with a supported extension (such as .txt, .pdf or .png), or link the file by URL.";
                case NotionErrorIds.NotionFileTypeRefused:
                    return "Leave out -ContentType to take it from the extension, or give one that matches it.";
                case NotionErrorIds.NotionFileTooLarge:
                    return "Send a smaller file (split or compress it), or link it by URL instead.";
                case NotionErrorIds.NotionFileUploadExpired:
                    return "Send the file again with Send-NotionFile and attach the new upload within the hour.";
                case NotionErrorIds.NotionFileUploadFailed:
                    return "Run the command again: the file is sent afresh.";
                case NotionErrorIds.NotionFileExists:
                    return "Add -Force to replace it, or save into another folder.";
                case NotionErrorIds.NotionFileDestinationInvalid:
                    return "Give a folder to save into (it is created when missing), with no links in its path.";
                case NotionErrorIds.NotionFileDownloadFailed:
                    return "The next run reads the row afresh, with new file URLs.";
                default:
                    return null;
            }
        }
    }
}
