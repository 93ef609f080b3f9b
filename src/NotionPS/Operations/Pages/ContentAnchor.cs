namespace NotionPS.Operations
{
    /// <summary>Where content inserted after a block goes: under <see cref="ParentId"/> (the page or a block), right after <see cref="BlockId"/>.</summary>
    internal sealed class ContentAnchor
    {
        public ContentAnchor(string parentId, string blockId)
        {
            ParentId = parentId;
            BlockId = blockId;
        }

        public string ParentId { get; }

        public string BlockId { get; }
    }
}
