using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary><c>GET /v1/databases/{id}</c>: the container, listing its data sources (the schema lives on those).</summary>
public static class DatabasesEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/v1/databases/{database_id}", (HttpContext context, string database_id) =>
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(database_id, "database_id");
        request.RequireRead();
        using (request.Workspace.Gate.EnterScope())
        {
            var database = request.Visible<Database>(id, "database");
            return NotionResults.Json(new ObjectRenderer(request.Workspace, request.Integration, request.Version).Database(database));
        }
    });
}
