using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Blocks: <c>GET</c>, <c>PATCH</c> and <c>DELETE /v1/blocks/{id}</c>, and a page's or block's children, listed
/// with paging and appended (placed by <c>position</c>, or before 2026-03-11 by <c>after</c>). A page or database
/// ID names its <c>child_page</c> or <c>child_database</c> block, as in Notion.
/// </summary>
public static class BlocksEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/blocks/{block_id}", (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            request.RequireRead();
            using (request.Workspace.Gate.EnterScope())
            {
                return NotionResults.Json(ObjectRenderer.For(request).Block(VisibleBlock(request, id)));
            }
        });

        app.MapPatch("/v1/blocks/{block_id}", async (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            var body = await RequestJson.ReadObjectAsync(context);
            var inTrash = request.Version.ReadTrashFlag(body);
            request.RequireUpdate();
            using (request.Workspace.Gate.EnterScope())
            {
                var block = VisibleBlock(request, id);
                request.RequireAccess(block, PermissionLevel.Edit);
                var changes = ContentChanges(body, block);
                if (changes is not null)
                {
                    if (BlockTree.IsTrashed(request.Workspace, block) && inTrash != false)
                    {
                        throw ArchivedBlock();
                    }

                    var updated = BlockRequest.Update(block, changes, $"body.{block.Type}");
                    request.State.Files.Attach(request).Check(updated, block.Type, $"body.{block.Type}").Commit();
                    block.Content.Clear();
                    foreach (var (key, value) in updated.ToList())
                    {
                        updated.Remove(key);
                        block.Content[key] = value;
                    }

                    block.LastEditedTime = request.State.Now;
                }

                SetTrashed(request, block, inTrash);
                return NotionResults.Json(ObjectRenderer.For(request).Block(block));
            }
        });

        app.MapDelete("/v1/blocks/{block_id}", (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            request.RequireUpdate();
            using (request.Workspace.Gate.EnterScope())
            {
                var block = VisibleBlock(request, id);
                request.RequireAccess(block, PermissionLevel.Edit);
                if (BlockTree.IsTrashed(request.Workspace, block))
                {
                    throw ArchivedBlock();
                }

                SetTrashed(request, block, true);
                return NotionResults.Json(ObjectRenderer.For(request).Block(block));
            }
        });

        app.MapGet("/v1/blocks/{block_id}/children", (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            request.RequireRead();
            var pageSize = RequestJson.PageSize(context.Request);
            using (request.Workspace.Gate.EnterScope())
            {
                var children = BlockTree.Live(request.Workspace, ChildrenOf(request, id).Children);
                var slice = Paging.Take(children, b => b.Id.ToString(), context.Request.Query["start_cursor"], pageSize);
                var renderer = ObjectRenderer.For(request);
                return NotionResults.Json(ObjectRenderer.List(slice.Items.Select(b => (JsonNode)renderer.Block(b)), slice.NextCursor, "block"));
            }
        });

        app.MapPatch("/v1/blocks/{block_id}/children", async (HttpContext context, string block_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(block_id, "block_id");
            var body = await RequestJson.ReadObjectAsync(context);
            var drafts = BlockRequest.ReadChildren(body["children"] ?? throw RequestJson.Invalid("body.children", "defined", null), "body.children");
            request.RequireInsert();
            using (request.Workspace.Gate.EnterScope())
            {
                var (parent, children) = ChildrenOf(request, id);
                request.RequireAccess(parent, PermissionLevel.Edit);
                if (parent.InTrash)
                {
                    throw ArchivedBlock();
                }

                var parentBlock = parent as Block;
                BlockRequest.CheckPlacement(parentBlock?.Type ?? "page", parentBlock?.Content ?? [], drafts, "body.children");
                request.State.Files.Attach(request).CheckBlocks(drafts, "body.children").Commit();
                var index = InsertionIndex(request, body, children);
                var now = request.State.Now;
                var parentRef = new ParentRef(parent is Page ? ParentKind.Page : ParentKind.Block, parent.Id);
                var added = BlockRequest.Create(request.Workspace, parentRef, drafts, now, request.Integration.ActorId);
                children.InsertRange(index, added);
                parent.LastEditedTime = now;
                parent.LastEditedBy = request.Integration.ActorId;
                var renderer = ObjectRenderer.For(request);
                return NotionResults.Json(ObjectRenderer.List(added.Select(b => (JsonNode)renderer.Block(b)), null, "block"));
            }
        });
    }

    /// <summary>
    /// A block the caller may see: a stored block, or the <c>child_page</c> / <c>child_database</c> block of a page
    /// or database (found among its parent's blocks, or made for one that is not under a page, such as a row).
    /// </summary>
    public static Block VisibleBlock(NotionRequest request, Guid id)
    {
        var workspace = request.Workspace;
        var found = workspace.Find<WorkspaceObject>(id);
        if (found is null or DataSource || !workspace.IsVisible(found, request.Integration))
        {
            throw NotionException.NotFound("block", id, request.Integration.Name);
        }

        if (found is Block block)
        {
            return block;
        }

        return workspace.ParentOf(found) is Page parent && parent.Children.Find(b => b.Id == id) is { } standIn
            ? standIn
            : Block.StandIn(found, found.Parent);
    }

    /// <summary>The page or block whose children are asked for, and its list of children; a block that holds none is a 400.</summary>
    private static (WorkspaceObject Parent, List<Block> Children) ChildrenOf(NotionRequest request, Guid id)
    {
        var block = VisibleBlock(request, id);
        var parent = block.IsStandIn ? request.Workspace.Find<WorkspaceObject>(block.Id)! : block;
        return BlockTree.ChildrenOf(request.Workspace, parent) is { } children
            ? (parent, children)
            : throw NotionException.Validation($"Block type {block.Type} does not support children.");
    }

    /// <summary>The content keys of an update: the object under the block's own type; another type's key is a 400.</summary>
    private static JsonObject? ContentChanges(JsonObject body, Block block)
    {
        if (RequestJson.OptionalString(body, "type") is { } type && type != block.Type)
        {
            throw RequestJson.Invalid("body.type", $"`\"{block.Type}\"` (a block's type cannot change)", body["type"]);
        }

        var changes = RequestJson.OptionalObject(body, block.Type);
        if (changes is not null && block.IsStandIn)
        {
            throw NotionException.Validation($"A {block.Type} block is changed through its page or database, not through PATCH /v1/blocks/{{id}}.");
        }

        var otherType = body.Select(p => p.Key).FirstOrDefault(key => key != block.Type && BlockRequest.CreatableTypes.Contains(key));
        return otherType is null
            ? changes
            : throw RequestJson.Invalid($"body.{otherType}", $"not present: block {block.Id} is a {block.Type}, and a block's type cannot change", body[otherType]);
    }

    /// <summary>Trashes or restores a block; for a stand-in, the page or database it stands for.</summary>
    private static void SetTrashed(NotionRequest request, Block block, bool? inTrash)
    {
        var target = block.IsStandIn ? request.Workspace.Find<WorkspaceObject>(block.Id)! : block;
        target.InTrash = inTrash ?? target.InTrash;
        target.LastEditedTime = request.State.Now;
        target.LastEditedBy = request.Integration.ActorId;
    }

    private static NotionException ArchivedBlock() =>
        NotionException.Validation("Can't edit block that is archived. You must unarchive the block before editing.");

    /// <summary>Where new blocks go: <c>position</c> (start, end, after a block), or <c>after</c> where the version still has it; the end by default.</summary>
    private static int InsertionIndex(NotionRequest request, JsonObject body, List<Block> children)
    {
        request.Version.ReadRenamed(body, legacy: "after", current: "position");
        if (body.ContainsKey("after") && body.ContainsKey("position"))
        {
            throw NotionException.Validation("body failed validation: body.after and body.position cannot both be given; use body.position.");
        }

        if (RequestJson.OptionalString(body, "after") is { } after)
        {
            return IndexAfter(children, after, "body.after");
        }

        if (RequestJson.OptionalObject(body, "position") is not { } position)
        {
            return children.Count;
        }

        return RequestJson.OptionalString(position, "type", "body.position") switch
        {
            "start" => 0,
            "end" => children.Count,
            "after_block" => IndexAfter(
                children,
                RequestJson.OptionalString(RequestJson.OptionalObject(position, "after_block", "body.position") ?? [], "id", "body.position.after_block"),
                "body.position.after_block.id"),
            _ => throw RequestJson.Invalid("body.position.type", "`\"after_block\"`, `\"start\"` or `\"end\"`", position["type"]),
        };
    }

    private static int IndexAfter(List<Block> children, string? blockId, string path)
    {
        var index = Guid.TryParse(blockId, out var id) ? children.FindIndex(b => b.Id == id) : -1;
        return index >= 0
            ? index + 1
            : throw RequestJson.Invalid(path, "the ID of a child block of the parent", blockId is null ? null : JsonValue.Create(blockId));
    }
}
