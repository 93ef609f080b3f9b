using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// A comment's text as Notion's rich text: Markdown inline formatting (**bold**, *italic*, `code`, ~~strike~~,
    /// [links](url)) read by the page-content parser, text longer than 2,000 characters split into several items.
    /// </summary>
    internal static class CommentText
    {
        /// <exception cref="CommentTextException">The text is empty, needs more than 100 rich-text items, or holds a link over 2,000 characters, one Notion does not link, or one with a user name or password.</exception>
        public static JsonArray ToRichText(string markdown)
        {
            var spans = InlineMarkdown.Parse(markdown ?? string.Empty);
            if (RichText.Plain(spans).Trim().Length == 0)
            {
                throw new CommentTextException(NotionErrorIds.NotionCommentEmpty, "The comment has no text: Notion takes no empty comment.");
            }

            JsonArray richText;
            try
            {
                richText = RichText.ToJson(spans, 1);
            }
            catch (MarkdownContentException ex) when (ex.ErrorId == MarkdownContentException.UrlTooLong)
            {
                throw new CommentTextException(NotionErrorIds.NotionCommentUrlTooLong,
                    $"A link in the comment is longer than Notion's {RichText.MaxTextLength:N0} characters for a URL.", ex);
            }
            catch (MarkdownContentException ex)
            {
                throw new CommentTextException(NotionErrorIds.NotionCommentTooLong,
                    $"The comment is {markdown!.Length:N0} characters long and needs more than Notion's {RichText.MaxItems} rich-text items "
                    + $"(each at most {RichText.MaxTextLength:N0} characters, a new one at each change of formatting).", ex);
            }

            // Notion's "Invalid URL for link." would come back as a bare 400; said here, before the request, with what to write.
            foreach (var item in richText)
            {
                var url = item?["text"]?["link"]?["url"]?.GetValue<string>();
                if (url != null && WebUrls.HasCredentials(url))
                {
                    throw new CommentTextException(NotionErrorIds.NotionUrlCredentialsRefused, $"The link '{WebUrls.Shown(url)}' in the comment {WebUrls.CredentialsRefused(isShown: false)}");
                }

                if (url != null && !ContentUrls.IsLink(url))
                {
                    throw new CommentTextException(NotionErrorIds.NotionCommentInvalidUrl,
                        $"The link '{WebUrls.Shown(url)}' in the comment {ContentUrls.NotALink}");
                }
            }

            return richText;
        }
    }
}
