using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;

namespace NotionPS.Emulator.Endpoints;

/// <summary><c>GET /v1/users/me</c>, <c>GET /v1/users</c>, <c>GET /v1/users/{id}</c>.</summary>
public static class UsersEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users/me", (HttpContext context) =>
        {
            var request = NotionRequest.Of(context);
            using (request.Workspace.Gate.EnterScope())
            {
                return NotionResults.Json(ObjectRenderer.For(request).Me());
            }
        });

        app.MapGet("/v1/users", (HttpContext context) =>
        {
            var request = NotionRequest.Of(context);
            if (request.Integration.IsPersonal)
            {
                throw NotionException.Restricted(
                    "Personal access tokens cannot list workspace users. Use GET /v1/users/me for the token's own user, or GET /v1/users/{user_id} with a user's ID.");
            }

            request.RequireUserInfo();
            var pageSize = RequestJson.PageSize(context.Request);
            using (request.Workspace.Gate.EnterScope())
            {
                var renderer = ObjectRenderer.For(request);
                var ids = request.Workspace.People.Select(p => p.Id).Concat(request.Workspace.Bots.Select(i => i.Id));
                var page = Paging.Take(ids.ToList(), id => id.ToString(), context.Request.Query["start_cursor"], pageSize);
                return NotionResults.Json(ObjectRenderer.List(page.Items.Select(id => (JsonNode)renderer.User(id)), page.NextCursor, "user"));
            }
        });

        app.MapGet("/v1/users/{user_id}", (HttpContext context, string user_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(user_id, "user_id");
            request.RequireUserInfo();
            using (request.Workspace.Gate.EnterScope())
            {
                return request.Workspace.IsUser(id)
                    ? NotionResults.Json(ObjectRenderer.For(request).User(id))
                    : throw NotionException.NotFound("user", id, request.Integration.Name);
            }
        });
    }
}
