using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Content
{
    /// <summary>
    /// The URLs in blocks made from Markdown that Notion refuses with a 400 validation_error ("Invalid URL for link.",
    /// "Invalid image url."), found before any request so that the error names the Markdown line and says what to write.
    /// <see cref="MarkdownToBlocks.Convert"/> keeps such a URL as written (a page read as Markdown converts back to the same
    /// blocks); the page cmdlets check the blocks they would send with <see cref="Check"/>.
    /// <list type="bullet">
    /// <item>an image, pdf, video, audio or file block linking a file, a bookmark and an embed: an absolute http(s) URL;</item>
    /// <item>a link in text: an absolute URL with a host, or Notion's link to one of its pages, /&lt;page id&gt;. A relative
    /// link (a path, #anchor) and a scheme Notion does not link (file:, javascript:, mailto:, as other clients found: dvanoni/notero#459)
    /// are refused.</item>
    /// </list>
    /// A URL holding a user name or password is refused in every one of them (<see cref="WebUrls"/>).
    /// </summary>
    internal static class ContentUrls
    {
        /// <summary>Why a link <see cref="IsLink"/> refuses cannot go to Notion, and what to write instead (pages and comments).</summary>
        internal const string NotALink = "is not a web address, and Notion links only http:// and https:// URLs (or one of its own pages). "
            + "Write the full https:// address, or escape the brackets, \\[text\\], to keep the text without a link.";

        /// <summary>Notion's link to one of its own pages: /&lt;page id&gt; (the group), perhaps with a #block or ?query after it.</summary>
        internal static readonly Regex NotionPageLink = new Regex("^/(" + Ids.NotionId.Pattern + ")(?=$|[#?])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        /// <exception cref="MarkdownContentException">A URL Notion refuses (<see cref="MarkdownContentException.InvalidUrl"/>), naming its line.</exception>
        public static void Check(IEnumerable<ContentBlock> blocks)
        {
            foreach (var block in blocks)
            {
                // A local file's block links no URL until its upload is attached.
                if (block.LocalPath == null)
                {
                    CheckNode(block.Body, block, isBody: true);
                }

                Check(block.Children);
            }
        }

        private static void CheckNode(JsonNode? node, ContentBlock block, bool isBody)
        {
            if (node is JsonArray array)
            {
                foreach (var item in array)
                {
                    CheckNode(item, block, isBody: false);
                }

                return;
            }

            if (!(node is JsonObject obj))
            {
                return;
            }

            foreach (var pair in obj)
            {
                var url = (pair.Value as JsonObject)?["url"]?.GetValue<string>();
                if (pair.Key == "link" && url != null)
                {
                    CheckCredentials(block, "link", url, isShown: false);
                    if (!IsLink(url))
                    {
                        throw Refused(block, $"the link '{WebUrls.Shown(url)}' {NotALink}");
                    }
                }

                if (pair.Key == "external" && url != null)
                {
                    CheckCredentials(block, $"{block.Type} block's URL", url, isShown: true);
                    if (!WebUrls.IsWebUrl(url))
                    {
                        throw Refused(block, $"the {block.Type} block links '{WebUrls.Shown(url)}', which is not an http:// or https:// URL, and Notion links a file only by one. "
                            + "Write the full https:// address; to upload a local file, write its path without angle brackets.");
                    }
                }

                if (isBody && pair.Key == "url" && (block.Type == "bookmark" || block.Type == "embed"))
                {
                    var address = pair.Value?.GetValue<string>() ?? string.Empty;
                    CheckCredentials(block, $"{block.Type} URL", address, isShown: block.Type == "embed");
                    if (!WebUrls.IsWebUrl(address))
                    {
                        throw Refused(block, $"the {block.Type} URL '{WebUrls.Shown(address)}' is not a complete http:// or https:// address, the only kind Notion takes. "
                            + "Write one such as <https://example.com/page>.");
                    }
                }

                CheckNode(pair.Value, block, isBody: false);
            }
        }

        private static void CheckCredentials(ContentBlock block, string what, string url, bool isShown)
        {
            if (WebUrls.HasCredentials(url))
            {
                throw new MarkdownContentException(NotionErrorIds.NotionUrlCredentialsRefused, block.Line, $"the {what} '{WebUrls.Shown(url)}' {WebUrls.CredentialsRefused(isShown)}");
            }
        }

        private static MarkdownContentException Refused(ContentBlock block, string message) =>
            new MarkdownContentException(MarkdownContentException.InvalidUrl, block.Line, message);

        /// <summary>Whether Notion takes <paramref name="url"/> as a link in text (a page's or a comment's); one with credentials is refused before (<see cref="WebUrls.HasCredentials"/>).</summary>
        internal static bool IsLink(string url) =>
            WebUrls.IsWebUrl(url) || NotionPageLink.IsMatch(url);
    }
}
