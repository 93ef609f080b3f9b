using System;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>Changes a page's title, icon and cover in one request (Set-NotionPage).</summary>
    internal sealed class PageUpdater
    {
        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly PageVisualWriter visuals;

        public PageUpdater(NotionClient client, INotionLog log, PageVisualWriter visuals)
        {
            this.client = client;
            this.log = client.Redacting(log);
            this.visuals = visuals;
        }

        /// <param name="title">The new title; null to leave it. Notion gives the title property of every page and row the ID "title".</param>
        /// <param name="sending">Told whether the change may have been done, as <see cref="NotionClient.SendAsync"/> tells it.</param>
        /// <returns>The page as Notion answered.</returns>
        /// <exception cref="NotionApiException">Notion refused the change, or an upload failed; the page is as it was.</exception>
        public async Task<NotionPage> UpdateAsync(string pageId, string? title, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            var body = new JsonObject();
            if (title != null)
            {
                body["properties"] = new JsonObject { ["title"] = PropertyWriter.ToPropertyValue("title", "title", title, RowSource.Given) };
            }

            await visuals.AddToAsync(body, cancellationToken).ConfigureAwait(false);
            using (var updated = await client.UpdatePageAsync(pageId, body, log, cancellationToken, sending).ConfigureAwait(false))
            {
                return NotionPage.FromJson(updated.RootElement);
            }
        }
    }
}
