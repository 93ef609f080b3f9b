using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>A page whose blocks nest deeper than NotionPS reads (<see cref="PageContentReader.MaxNesting"/> levels): names the block where it stopped.</summary>
    internal sealed class PageContentTooDeepException : NotionException
    {
        private readonly string blockId;

        public PageContentTooDeepException(string pageId, string blockId, int maxNesting)
            : base(NotionErrorIds.NotionPageTooDeep,
                $"Page {pageId} nests blocks more than {maxNesting} levels deep, deeper than NotionPS reads: block {blockId}, at level {maxNesting}, has children.")
        {
            this.blockId = blockId;
        }

        /// <summary>The block at the deepest level read whose children were not read.</summary>
        public string BlockId => Shown(blockId);
    }
}
