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
        public async Task<NotionPage> TrashAsync(string pageId, CancellationToken cancellationToken)
        {
            using (var document = await client.TrashPageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }

        /// <summary>The page as it is once out of the trash.</summary>
        public async Task<NotionPage> RestoreAsync(string pageId, CancellationToken cancellationToken)
        {
            using (var document = await client.RestorePageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }
    }
}
