using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>Finds a custom emoji of the workspace by its name, as a page icon names it (<c>:name:</c>), for its ID.</summary>
    internal static class CustomEmojiLookup
    {
        /// <summary>The ID of the custom emoji named exactly <paramref name="name"/> (case-sensitive, as Notion matches it).</summary>
        /// <exception cref="PageVisualException">No custom emoji of the workspace has that name.</exception>
        /// <exception cref="NotionApiException">The list could not be read.</exception>
        public static async Task<string> IdOfAsync(NotionClient client, string name, INotionLog log, CancellationToken cancellationToken)
        {
            string? cursor = null;
            do
            {
                using (var page = await client.ListCustomEmojisAsync(name, cursor, log, cancellationToken).ConfigureAwait(false))
                {
                    // Notion filters by name already; the check keeps a looser match from ever picking another emoji.
                    foreach (var emoji in page.Results)
                    {
                        if (string.Equals(JsonRead.String(emoji, "name"), name, StringComparison.Ordinal) && JsonRead.String(emoji, "id") is string id && id.Length > 0)
                        {
                            return id;
                        }
                    }

                    cursor = page.HasMore ? page.NextCursor : null;
                }
            }
            while (cursor != null);

            throw new PageVisualException(NotionErrorIds.NotionCustomEmojiNotFound,
                $"The workspace has no custom emoji named '{ServerText.Visible(name)}' (names are case-sensitive). Give the name as Notion shows it, between colons (':{ServerText.Visible(name)}:'), or add the emoji to the workspace in Notion; Invoke-NotionApi v1/custom_emojis lists the workspace's custom emojis.");
        }
    }
}
