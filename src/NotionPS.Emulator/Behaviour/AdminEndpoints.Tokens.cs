using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>Admin routes for what changes while a token is in use: revoking it, and a person's page permissions.</summary>
public static partial class AdminEndpoints
{
    private static void MapTokensAndPermissions(RouteGroupBuilder admin, EmulatorState state)
    {
        admin.MapDelete("/integrations/{integration}", (string integration) =>
        {
            var workspace = state.Workspace;
            using (workspace.Gate.EnterScope())
            {
                if (workspace.FindIntegration(integration) is not { } found)
                {
                    return Refused(new InvalidDataException($"No integration or token {integration}."));
                }

                found.Revoked = true;
                return Results.NoContent();
            }
        });

        admin.MapPut("/permissions/{objectId}/{person}", (HttpContext context, string objectId, string person) =>
            WithBody(context, state, (body, loader) =>
            {
                var (item, user) = PermissionTarget(state.Workspace, loader, objectId, person);
                loader.SetPermission(item, user, body);
                return new System.Text.Json.Nodes.JsonObject
                {
                    ["level"] = PagePermissions.Name(state.Workspace.Permissions.LevelOf(state.Workspace, item, user.Id)),
                };
            }));

        admin.MapDelete("/permissions/{objectId}/{person}", (string objectId, string person) =>
        {
            var workspace = state.Workspace;
            using (workspace.Gate.EnterScope())
            {
                try
                {
                    var (item, user) = PermissionTarget(workspace, new SeedLoader(workspace, state.Now), objectId, person);
                    workspace.Permissions.Clear(item.Id, user.Id);
                    return Results.NoContent();
                }
                catch (InvalidDataException error)
                {
                    return Refused(error);
                }
            }
        });
    }

    private static (WorkspaceObject Item, WorkspaceUser Person) PermissionTarget(NotionWorkspace workspace, SeedLoader loader, string objectId, string person)
    {
        var item = Guid.TryParse(objectId, out var id) ? workspace.Find<WorkspaceObject>(id) : null;
        return (item ?? throw new InvalidDataException($"No page, database or data source {objectId}."),
            loader.FindPerson(person) ?? throw new InvalidDataException($"No person {person} (a person's ID or name)."));
    }
}
