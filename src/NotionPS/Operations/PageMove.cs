using System;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Errors;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// Moves pages under a page or into a database's data source (<c>POST /v1/pages/{id}/move</c>). A parent given by
    /// a bare ID is told apart by <see cref="PageParentResolver"/> once for all the pages moved there.
    /// </summary>
    internal sealed class PageMove
    {
        private const string PageParentType = "page_id";
        private const string DataSourceParentType = "data_source_id";

        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly OncePerKey<(string Type, string Id)> destinations = new OncePerKey<(string Type, string Id)>(StringComparer.OrdinalIgnoreCase, IsRefusedForWhatItIs);

        public PageMove(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log); // its messages quote Notion's, which may echo the token
        }

        private bool HasDataSources => ApiVersion.HasDataSources(client.Options.ApiVersion);

        /// <exception cref="PageMoveException">The parent is not visible, is a database under 2022-06-28, or has several data sources.</exception>
        /// <exception cref="DataSourceChoiceException">The parent database has no data source the integration can reach.</exception>
        /// <exception cref="NotionApiException">Notion refused a request.</exception>
        /// <param name="sending">Told whether the move itself may have been done, as <see cref="NotionClient.SendAsync"/> tells it.</param>
        public async Task<NotionPage> MoveAsync(string pageId, PageParent parent, CancellationToken cancellationToken, Action<bool>? sending = null)
        {
            var (type, id) = await DestinationAsync(parent, cancellationToken).ConfigureAwait(false);
            log.Verbose($"Moving page {pageId} under {type} {id}.");
            using (var document = await client.MovePageAsync(pageId, type, id, log, cancellationToken, sending).ConfigureAwait(false))
            {
                return NotionPage.FromJson(document.RootElement);
            }
        }

        /// <summary>Found once per parent for all the pages; a failed search is remembered only when <see cref="IsRefusedForWhatItIs"/>.</summary>
        private Task<(string Type, string Id)> DestinationAsync(PageParent parent, CancellationToken cancellationToken) =>
            destinations.GetAsync(parent.Kind + ":" + parent.Id, () => FindDestinationAsync(parent, cancellationToken));

        /// <summary>
        /// A parent refused for what Notion said it is (a database under 2022-06-28, one with several data sources or
        /// none reachable) is refused for every page without asking again; one not found may be shared by the next page.
        /// </summary>
        private static bool IsRefusedForWhatItIs(Exception failure) =>
            failure is PageMoveException move ? move.Problem != PageMoveProblem.ParentNotFound : failure is DataSourceChoiceException;

        private async Task<(string Type, string Id)> FindDestinationAsync(PageParent parent, CancellationToken cancellationToken)
        {
            PageDestination destination;
            try
            {
                destination = await new PageParentResolver(client, log).ResolveAsync(parent, forRow: false, cancellationToken).ConfigureAwait(false);
            }
            catch (NotionException ex) when (!HasDataSources && (ex is DataSourceChoiceException || ex is NotionApiException api && ApiVersion.IsNoReachableDataSourceRefusal(api)))
            {
                // Whatever database it is, 2022-06-28 cannot move a page into it.
                throw PageMoveException.NeedsDataSourceVersion(parent.Id);
            }
            catch (DataSourceChoiceException ex) when (ex.Problem == DataSourceChoiceProblem.Several)
            {
                throw PageMoveException.SeveralDataSources(ex);
            }
            catch (NotionApiException ex) when (parent.Kind == PageParentKind.Unknown && DatabaseLookup.IsNotFound(ex))
            {
                throw PageMoveException.ParentNotFound(parent.Id, ex);
            }

            if (destination.PageId != null)
            {
                return (PageParentType, destination.PageId);
            }

            // 2022-06-28 moves pages only under pages; from 2025-09-03 the rows' target is always a data source.
            return HasDataSources ? (DataSourceParentType, destination.Rows!.DataSourceId!) : throw PageMoveException.NeedsDataSourceVersion(parent.Id);
        }
    }
}
