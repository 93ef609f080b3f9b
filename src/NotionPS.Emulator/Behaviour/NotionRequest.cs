using System.Text.Json.Nodes;
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

    public void RequireReadComments() => Require(Integration.CanReadComments, "read comments");

    public void RequireInsertComments() => Require(Integration.CanInsertComments, "insert comments");

    public void RequireUserInfo() => Require(Integration.UserInfo != UserInfoLevel.None, "read user information");

    /// <summary>
    /// A personal access token's person needs at least this level on the object (writes need edit or full); connections
    /// are governed by sharing and capabilities instead. Notion does not document this answer: the emulator gives 403
    /// restricted_resource, as for a missing capability.
    /// </summary>
    public void RequireAccess(WorkspaceObject target, PermissionLevel needed)
    {
        if (!Integration.IsPersonal)
        {
            return;
        }

        var level = Workspace.Permissions.LevelOf(Workspace, target, Integration.ActorId);
        if (level < needed)
        {
            var person = Workspace.FindPerson(Integration.ActorId)?.Name ?? Integration.ActorId.ToString();
            throw NotionException.Restricted(
                $"Insufficient permissions for this endpoint: {person} has {PagePermissions.Name(level)} access to {target.Id}; this needs {PagePermissions.Name(needed)} access or more.");
        }
    }

    /// <summary>Finds an object the caller may see, or answers Notion's 404 naming the integration.</summary>
    public T Visible<T>(Guid id, string kind) where T : WorkspaceObject =>
        Workspace.Find<T>(id) is { } found && Workspace.IsVisible(found, Integration)
            ? found
            : throw NotionException.NotFound(kind, id, Integration.Name);

    /// <summary>
    /// The one data source a database stands for where a client names the database (2022-06-28 calls, a page
    /// created under <c>database_id</c>). Notion refuses a linked database before data sources, a database with
    /// no data source the caller can reach, and one with several (listing them in additional_data).
    /// </summary>
    public DataSource SingleDataSourceOf(Database database)
    {
        if (database.ViewOf is not null && !Version.HasDataSources)
        {
            throw NotionException.Validation(
                $"Database with ID {database.Id} is a linked database. Database retrievals do not support linked databases.");
        }

        var reachable = Workspace.DataSourcesShownBy(database).Where(d => Workspace.IsVisible(d, Integration)).ToList();
        return reachable.Count switch
        {
            0 => throw NotionException.Validation(
                $"Database with ID {database.Id} does not contain any data sources accessible by this API bot."),
            1 => reachable[0],
            _ => throw NotionException.Validation(
                "Databases with multiple data sources are not supported in this API version.",
                new JsonObject { ["child_data_source_ids"] = new JsonArray([.. reachable.Select(d => (JsonNode)d.Id.ToString())]) }),
        };
    }

    private void Require(bool granted, string capability)
    {
        if (!granted)
        {
            throw NotionException.Restricted(
                $"Insufficient permissions for this endpoint: the integration \"{Integration.Name}\" lacks the {capability} capability.");
        }
    }
}
