using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// <c>GET /v1/custom_emojis</c>: the workspace's custom emojis, in the seed's order, paged by <c>start_cursor</c> and
/// <c>page_size</c> (1-100), filtered by <c>name</c> (an exact, case-sensitive match). A custom emoji belongs to the
/// workspace, not to a page, so nothing is shared for it and every token of the workspace sees them all.
/// </summary>
public static class CustomEmojisEndpoints
{
    public static void Map(IEndpointRouteBuilder app) => app.MapGet("/v1/custom_emojis", (HttpContext context) =>
    {
        var request = NotionRequest.Of(context);
        var pageSize = RequestJson.PageSize(context.Request);
        var name = context.Request.Query["name"].ToString();
        using (request.Workspace.Gate.EnterScope())
        {
            var matches = request.Workspace.CustomEmojis.Where(emoji => name.Length == 0 || emoji.Name == name).ToList();
            var page = Paging.Take(matches, emoji => emoji.Id.ToString(), context.Request.Query["start_cursor"], pageSize);

            // Notion's list of custom emojis has no empty object under its type, unlike the other lists.
            return NotionResults.Json(new JsonObject
            {
                ["object"] = "list",
                ["type"] = "custom_emoji",
                ["results"] = new JsonArray([.. page.Items.Select(emoji => (JsonNode)new JsonObject { ["id"] = emoji.Id.ToString(), ["name"] = emoji.Name, ["url"] = emoji.Url })]),
                ["has_more"] = page.NextCursor is not null,
                ["next_cursor"] = page.NextCursor,
            });
        }
    });
}
