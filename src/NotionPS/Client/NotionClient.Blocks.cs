using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Client
{
    /// <summary>Reading one block, to place content after it wherever it is on its page.</summary>
    internal sealed partial class NotionClient
    {
        /// <summary>One block: its type, its parent (a page or a block) and whether it is in the trash.</summary>
        public Task<JsonDocument> GetBlockAsync(string blockId, INotionLog log, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, "v1/blocks/" + RequestAddress.Segment(blockId), null, true, log, cancellationToken);
    }
}
