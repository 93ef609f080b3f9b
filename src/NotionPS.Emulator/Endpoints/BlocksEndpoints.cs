using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// <c>GET</c> and <c>PATCH /v1/blocks/{id}/children</c> for a page's content: simple blocks without children,
/// placed by <c>position</c> (start, end or after a block) or, before 2026-03-11, by <c>after</c>.
/// </summary>
public static class BlocksEndpoints
{
    private static readonly HashSet<string> ModelledTypes =
    [
        "paragraph", "heading_1", "heading_2", "heading_3", "bulleted_list_item", "numbered_list_item", "to_do",
        "toggle", "quote", "callout", "code", "divider",
    ];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/blocks/{block_id}/children", (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            request.RequireRead();
            var pageSize = RequestJson.PageSize(context.Request);
            using (request.Workspace.Gate.EnterScope())
            {
                var children = ParentOf(request, id)?.Children ?? [];
                var slice = Paging.Take(children, b => b.Id.ToString(), context.Request.Query["start_cursor"], pageSize);
                return NotionResults.Json(ObjectRenderer.List(slice.Items.Select(b => (JsonNode)ObjectRenderer.For(request).Block(b)), slice.NextCursor, "block"));
            }
        });

        app.MapPatch("/v1/blocks/{block_id}/children", async (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            var body = await RequestJson.ReadObjectAsync(context);
            var children = RequestJson.OptionalArray(body, "children") ?? throw RequestJson.Invalid("body.children", "defined", null);
            var contents = children.Select((child, i) => Content(child, $"body.children[{i}]")).ToList();
            request.RequireInsert();
            using (request.Workspace.Gate.EnterScope())
            {
                var page = ParentOf(request, id)
                    ?? throw NotionException.Validation($"The emulator appends blocks to pages only; {id} is a block.");
                request.RequireAccess(page, PermissionLevel.Edit);
                var index = InsertionIndex(request, body, page);
                var now = request.State.Now;
                var added = contents.Select(content => new Block
                {
                    Id = Guid.NewGuid(),
                    Parent = new ParentRef(ParentKind.Page, page.Id),
                    Type = content.Type,
                    Content = content.Content,
                    CreatedTime = now,
                    LastEditedTime = now,
                    CreatedBy = request.Integration.ActorId,
                    LastEditedBy = request.Integration.ActorId,
                }).ToList();
                foreach (var block in added)
                {
                    request.Workspace.Add(block);
                }

                page.Children.InsertRange(index, added);
                page.LastEditedTime = now;
                var renderer = ObjectRenderer.For(request);
                return NotionResults.Json(ObjectRenderer.List(added.Select(b => (JsonNode)renderer.Block(b)), null, "block"));
            }
        });
    }

    /// <summary>The page whose content is asked for; null for a block (whose children the emulator does not model).</summary>
    private static Page? ParentOf(NotionRequest request, Guid id) =>
        request.Workspace.Find<Block>(id) is { } block && request.Workspace.IsVisible(block, request.Integration)
            ? null
            : request.Visible<Page>(id, "block");

    /// <summary>A child block as sent: its type (given, or the one content key) and its content, rich text validated.</summary>
    private static (string Type, JsonObject Content) Content(JsonNode? child, string path)
    {
        if (child is not JsonObject item)
        {
            throw RequestJson.Invalid(path, "an object", child);
        }

        var type = RequestJson.OptionalString(item, "type", path)
            ?? item.Select(p => p.Key).FirstOrDefault(ModelledTypes.Contains)
            ?? throw RequestJson.FixOne(path, ModelledTypes);
        if (!ModelledTypes.Contains(type))
        {
            throw RequestJson.Invalid($"{path}.type", $"one of the block types the emulator models ({string.Join(", ", ModelledTypes)})", item["type"]);
        }

        var content = (RequestJson.OptionalObject(item, type, path) ?? throw RequestJson.Invalid($"{path}.{type}", "defined", null)).DeepClone().AsObject();
        if (content.ContainsKey("rich_text"))
        {
            content["rich_text"] = PropertyWriter.RichTextArray(content["rich_text"], $"{path}.{type}.rich_text");
        }

        return (type, content);
    }

    /// <summary>Where new blocks go: <c>position</c> (start, end, after a block), or <c>after</c> where the version still has it; the end by default.</summary>
    private static int InsertionIndex(NotionRequest request, JsonObject body, Page page)
    {
        request.Version.ReadRenamed(body, legacy: "after", current: "position");
        if (body.ContainsKey("after") && body.ContainsKey("position"))
        {
            throw NotionException.Validation("body failed validation: body.after and body.position cannot both be given; use body.position.");
        }

        if (RequestJson.OptionalString(body, "after") is { } after)
        {
            return IndexAfter(page, after, "body.after");
        }

        if (RequestJson.OptionalObject(body, "position") is not { } position)
        {
            return page.Children.Count;
        }

        return RequestJson.OptionalString(position, "type", "body.position") switch
        {
            "start" => 0,
            "end" => page.Children.Count,
            "after_block" => IndexAfter(
                page,
                RequestJson.OptionalString(RequestJson.OptionalObject(position, "after_block", "body.position") ?? [], "id", "body.position.after_block"),
                "body.position.after_block.id"),
            _ => throw RequestJson.Invalid("body.position.type", "`\"after_block\"`, `\"start\"` or `\"end\"`", position["type"]),
        };
    }

    private static int IndexAfter(Page page, string? blockId, string path)
    {
        var index = Guid.TryParse(blockId, out var id) ? page.Children.FindIndex(b => b.Id == id) : -1;
        return index >= 0
            ? index + 1
            : throw RequestJson.Invalid(path, $"the ID of a block in page {page.Id}", blockId is null ? null : JsonValue.Create(blockId));
    }
}
