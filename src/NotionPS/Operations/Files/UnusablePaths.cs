using System;
using System.IO;
using NotionPS.Errors;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A local path the runtime refuses as a path, before any file is looked at. .NET Framework (Windows PowerShell 5.1)
    /// refuses in Path.GetFullPath, Path.Combine and the File APIs what .NET takes until the file is opened: an
    /// ArgumentException for the characters &lt; &gt; | " and control characters (NUL on every runtime), a
    /// NotSupportedException for a colon after the drive, a PathTooLongException past 260 characters without long paths.
    /// </summary>
    internal static class UnusablePaths
    {
        /// <summary><paramref name="path"/> under <paramref name="folder"/>, made full; a path the system refuses is a NotionLocalPathInvalid failure naming <paramref name="shown"/>.</summary>
        public static string FullPath(string folder, string path, string shown)
        {
            try
            {
                return Path.GetFullPath(Path.Combine(folder, path));
            }
            catch (Exception ex) when (IsRefusal(ex))
            {
                throw Refused(shown, ex);
            }
        }

        public static bool IsRefusal(Exception ex) => ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException;

        public static NotionFileException Refused(string path, Exception ex) =>
            new NotionFileException(NotionErrorIds.NotionLocalPathInvalid,
                $"'{path}' is not a path this system can use: {ex.Message} Leave out the characters Windows refuses in names (< > : \" | ? * and control characters), put a colon only after a drive letter, and keep the path under 260 characters where long paths are not enabled.",
                ex);
    }
}
