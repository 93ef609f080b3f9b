namespace NotionPS.Emulator.Workspace;

/// <summary>Walking a page's content: which blocks a parent holds, which are live, whether a stand-in's page is trashed.</summary>
public static class BlockTree
{
    /// <summary>The types whose blocks may hold other blocks (a heading only when it is toggleable).</summary>
    private static readonly HashSet<string> ContainerTypes =
    [
        "paragraph", "bulleted_list_item", "numbered_list_item", "to_do", "toggle", "quote", "callout", "table",
        "column_list", "column", "synced_block",
    ];

    /// <summary>The blocks under a page or block, or null where nothing can be nested (a divider, a database).</summary>
    public static List<Block>? ChildrenOf(NotionWorkspace workspace, WorkspaceObject parent) => parent switch
    {
        Page page => page.Children,
        Block { IsStandIn: true } standIn => workspace.Find<Page>(standIn.Id)?.Children,
        Block block when CanHoldChildren(block.Type, block.Content) => block.Children,
        _ => null,
    };

    public static bool CanHoldChildren(string type, System.Text.Json.Nodes.JsonObject content) =>
        ContainerTypes.Contains(type)
        || (type.StartsWith("heading_", StringComparison.Ordinal) && content["is_toggleable"]?.GetValue<bool>() == true);

    /// <summary>Whether a block is in the trash: its own flag, or for a stand-in its page's or database's.</summary>
    public static bool IsTrashed(NotionWorkspace workspace, Block block) =>
        block.IsStandIn ? workspace.Find<WorkspaceObject>(block.Id)?.InTrash ?? true : block.InTrash;

    /// <summary>The children Notion lists: those not in the trash.</summary>
    public static List<Block> Live(NotionWorkspace workspace, IEnumerable<Block> children) =>
        [.. children.Where(b => !IsTrashed(workspace, b))];

    /// <summary>Lists a page or database among its parent page's blocks, as Notion does for a child page or database.</summary>
    public static void ListUnderParent(NotionWorkspace workspace, WorkspaceObject item)
    {
        if (item.Parent.Kind == ParentKind.Page && workspace.Find<Page>(item.Parent.Id) is { } parent)
        {
            parent.Children.Add(Block.StandIn(item, item.Parent));
        }
    }

    /// <summary>Takes a page's stand-in out of its parent page's blocks (before the page moves).</summary>
    public static void RemoveFromParent(NotionWorkspace workspace, WorkspaceObject item)
    {
        if (item.Parent.Kind == ParentKind.Page && workspace.Find<Page>(item.Parent.Id) is { } parent)
        {
            parent.Children.RemoveAll(b => b.Id == item.Id);
        }
    }
}
