using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>A comment in a discussion on a page or on a block. Comments are not workspace objects: they have their own list.</summary>
public sealed class Comment
{
    public required Guid Id { get; init; }

    /// <summary>The page or block the discussion is on.</summary>
    public required ParentRef Parent { get; init; }

    public required Guid DiscussionId { get; init; }

    /// <summary>The comment's text, in the stored rich-text shape.</summary>
    public required JsonArray RichText { get; init; }

    public DateTimeOffset CreatedTime { get; init; }
    public Guid CreatedBy { get; init; }
}
