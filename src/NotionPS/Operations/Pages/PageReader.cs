using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>Reads a page object as the page cmdlets output it.</summary>
    internal sealed class PageReader
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public PageReader(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        public async Task<NotionPage> ReadAsync(string pageId, CancellationToken cancellationToken)
        {
            using (var page = await client.GetPageAsync(pageId, log, cancellationToken).ConfigureAwait(false))
            {
                return NotionPage.FromJson(page.RootElement);
            }
        }
    }
}
