using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary><c>GET /v1/databases/{id}</c>: the container, listing its data sources (the schema lives on those).</summary>
public static class DatabasesEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/v1/databases/{database_id}", (HttpContext context, string database_id) =>
        ObjectRetrieval.Retrieve<Database>(context, database_id, "database_id", "database", (renderer, database) => renderer.Database(database)));
}
