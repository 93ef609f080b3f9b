using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>What the pipeline established about an API request before its endpoint runs.</summary>
public sealed class NotionRequest(EmulatorState state, NotionWorkspace workspace, Integration integration, NotionVersion version)
{
    private static readonly object ItemKey = new();

    public EmulatorState State { get; } = state;
    public NotionWorkspace Workspace { get; } = workspace;
    public Integration Integration { get; } = integration;
    public NotionVersion Version { get; } = version;

    public static NotionRequest Of(HttpContext context) =>
        context.Items[ItemKey] as NotionRequest ?? throw new InvalidOperationException("The Notion pipeline did not run.");

    public void AttachTo(HttpContext context) => context.Items[ItemKey] = this;

    public void RequireRead() => Require(Integration.CanRead, "read content");

    public void RequireUpdate() => Require(Integration.CanUpdate, "update content");

    public void RequireInsert() => Require(Integration.CanInsert, "insert content");

    public void RequireUserInfo() => Require(Integration.UserInfo != UserInfoLevel.None, "read user information");

    /// <summary>Finds an object the caller may see, or answers Notion's 404 naming the integration.</summary>
    public T Visible<T>(Guid id, string kind) where T : WorkspaceObject =>
        Workspace.Find<T>(id) is { } found && Workspace.IsVisible(found, Integration)
            ? found
            : throw NotionException.NotFound(kind, id, Integration.Name);

    private void Require(bool granted, string capability)
    {
        if (!granted)
        {
            throw NotionException.Restricted(
                $"Insufficient permissions for this endpoint: the integration \"{Integration.Name}\" lacks the {capability} capability.");
        }
    }
}
