using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Rows
{
    /// <summary>
    /// The one check of a URL a url or files cell stores for every reader of the row: one the user gives with a user name or
    /// password in it (as <see cref="WebUrls.HasCredentials"/> reads it, so ftp://user:password@host too, a mailto: address
    /// not) is refused; one Notion held (a row read from Notion, a JSON backup) is kept as it was.
    /// </summary>
    internal static class CellUrls
    {
        /// <summary><paramref name="url"/>, once checked for <paramref name="column"/>.</summary>
        /// <exception cref="CellUrlCredentialsException">A URL the user gave holds a user name or password.</exception>
        public static string Checked(string column, string url, RowSource source) =>
            source == RowSource.Given && WebUrls.HasCredentials(url) ? throw new CellUrlCredentialsException(column, url) : url;
    }

    /// <summary>A url or files cell's URL, given by the user, with a user name or password in it; quoted with them as ***.</summary>
    internal sealed class CellUrlCredentialsException : NotionException
    {
        public CellUrlCredentialsException(string column, string url)
            : base(NotionErrorIds.NotionUrlCredentialsRefused, $"Column '{ServerText.Visible(column)}': the URL '{WebUrls.Shown(url)}' {WebUrls.CredentialsRefused(isShown: false)}")
        {
        }
    }
}
