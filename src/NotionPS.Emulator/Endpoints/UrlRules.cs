using System.Text.RegularExpressions;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// The URLs Notion stores: a rich-text link, an external file and a bookmark's or embed's URL must be absolute http(s)
/// URLs ("Invalid URL for link.", "Invalid image url.", "Invalid bookmark url."); the one other form a link takes is the relative <c>/&lt;page id&gt;</c> Notion
/// itself writes for a link to one of its pages.
/// </summary>
public static partial class UrlRules
{
    public static bool IsWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed)
        && (parsed.Scheme == Uri.UriSchemeHttp || parsed.Scheme == Uri.UriSchemeHttps)
        && parsed.Host.Length > 0;

    public static bool IsLink(string url) => IsWebUrl(url) || NotionPageLink().IsMatch(url);

    [GeneratedRegex("^/([0-9a-fA-F]{32}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$")]
    private static partial Regex NotionPageLink();
}
