using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Moves pages to Notion's trash and takes them out again; both are safe to repeat.</summary>
    internal sealed class PageTrash
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public PageTrash(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <summary>The page as it is in the trash.</summary>
        /// <param name="sending">Told whether the request may have been done, as <see cref="NotionClient.SendAsync"/> tells it.</param>
        public async Task<NotionPage> TrashAsync(string pageId, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            using (var document = await client.TrashPageAsync(pageId, log, cancellationToken, sending).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }

        /// <summary>The page as it is once out of the trash.</summary>
        /// <param name="sending">As for <see cref="TrashAsync"/>.</param>
        public async Task<NotionPage> RestoreAsync(string pageId, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            using (var document = await client.RestorePageAsync(pageId, log, cancellationToken, sending).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }
    }
}
