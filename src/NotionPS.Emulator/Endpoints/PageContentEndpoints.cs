using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Content;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// A page's content as enhanced Markdown (<c>GET</c> and <c>PATCH /v1/pages/{id}/markdown</c>), a new page's
/// first content (<c>children</c> or <c>markdown</c> in <c>POST /v1/pages</c>) and moving a page
/// (<c>POST /v1/pages/{id}/move</c>).
/// </summary>
public static class PageContentEndpoints
{
    private static readonly string[] UpdateTypes = ["insert_content", "replace_content", "replace_content_range", "update_content"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/pages/{page_id}/markdown", (HttpContext context, string page_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(page_id, "page_id");
            request.RequireRead();
            using (request.Workspace.Gate.EnterScope())
            {
                var block = BlocksEndpoints.VisibleBlock(request, id);
                if (block.IsStandIn && request.Workspace.Find<Page>(id) is { } page)
                {
                    return Answer(request, page.Id, page.Children);
                }

                return Answer(request, PageOf(request.Workspace, block), [block]);
            }
        });

        app.MapPatch("/v1/pages/{page_id}/markdown", async (HttpContext context, string page_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(page_id, "page_id");
            var body = await RequestJson.ReadObjectAsync(context);
            var type = RequestJson.OptionalString(body, "type") ?? throw RequestJson.Invalid("body.type", $"one of {string.Join(", ", UpdateTypes)}", null);
            var operation = UpdateTypes.Contains(type)
                ? RequestJson.OptionalObject(body, type) ?? throw RequestJson.Invalid($"body.{type}", "defined", null)
                : throw RequestJson.Invalid("body.type", $"one of `\"{string.Join("\"`, `\"", UpdateTypes)}\"`", body["type"]);
            request.RequireUpdate();
            using (request.Workspace.Gate.EnterScope())
            {
                var page = request.Visible<Page>(id, "page");
                request.RequireAccess(page, PermissionLevel.Edit);
                if (page.InTrash)
                {
                    throw NotionException.Validation("Can't edit block that is archived. You must unarchive the block before editing.");
                }

                var path = $"body.{type}";
                switch (type)
                {
                    case "insert_content":
                        var drafts = MarkdownReader.Read(RequiredString(operation, "content", path), $"{path}.content");
                        Insert(request, page, InsertionIndex(request, page, operation, path), drafts);
                        break;
                    case "replace_content":
                        var replacement = MarkdownReader.Read(RequiredString(operation, "new_str", path), $"{path}.new_str");
                        var live = BlockTree.Live(request.Workspace, page.Children);
                        if (live.Any(b => b.IsStandIn) && RequestJson.OptionalBool(operation, "allow_deleting_content", path) != true)
                        {
                            throw NotionException.Validation(
                                "replace_content would delete child pages or databases; send allow_deleting_content: true to allow it.");
                        }

                        foreach (var block in live)
                        {
                            (block.IsStandIn ? request.Workspace.Find<WorkspaceObject>(block.Id)! : block).InTrash = true;
                        }

                        Insert(request, page, page.Children.Count, replacement);
                        break;
                    default:
                        throw NotionException.Validation($"The emulator does not model {type} yet; use insert_content or replace_content.");
                }

                return Answer(request, page.Id, page.Children);
            }
        });

        app.MapPost("/v1/pages/{page_id}/move", async (HttpContext context, string page_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(page_id, "page_id");
            var body = await RequestJson.ReadObjectAsync(context);
            var parent = RequestJson.OptionalObject(body, "parent") ?? throw RequestJson.Invalid("body.parent", "defined", null);
            request.RequireUpdate();
            using (request.Workspace.Gate.EnterScope())
            {
                var page = request.Visible<Page>(id, "page");
                var target = MoveTarget(request, parent, page);
                request.RequireInsert();
                request.RequireAccess(page, PermissionLevel.Edit);
                request.RequireAccess(request.Workspace.Find<WorkspaceObject>(target.Id)!, PermissionLevel.Edit);
                Move(request, page, target);
                return NotionResults.Json(ObjectRenderer.For(request).Page(page));
            }
        });
    }

    /// <summary>A new page's content: <c>children</c> (or its newer name <c>content</c>) or <c>markdown</c>, never two of them.</summary>
    public static IReadOnlyList<BlockDraft> ReadInitialContent(JsonObject body)
    {
        var given = new[] { "children", "content", "markdown" }.Where(body.ContainsKey).ToList();
        if (given.Count > 1)
        {
            throw NotionException.Validation($"body failed validation: body.{given[0]} and body.{given[1]} cannot both be given; send the content one way.");
        }

        return given.FirstOrDefault() switch
        {
            "markdown" => MarkdownReader.Read(RequestJson.OptionalString(body, "markdown") ?? "", "body.markdown"),
            { } key => BlockRequest.ReadChildren(body[key], $"body.{key}"),
            null => [],
        };
    }

    private static IResult Answer(NotionRequest request, Guid pageId, IEnumerable<Block> blocks)
    {
        var written = new MarkdownWriter(request.Workspace, pageId, request.State.Options.MarkdownBlockLimit).Write(blocks);
        return NotionResults.Json(new JsonObject
        {
            ["object"] = "page_markdown",
            ["id"] = pageId.ToString(),
            ["markdown"] = written.Markdown,
            ["truncated"] = written.Truncated,
            ["unknown_block_ids"] = new JsonArray([.. written.UnknownBlockIds.Select(b => (JsonNode)b.ToString())]),
        });
    }

    /// <summary>The page a block is on (for the URLs of its unknown blocks).</summary>
    private static Guid PageOf(NotionWorkspace workspace, WorkspaceObject item)
    {
        for (var current = item; current is not null; current = workspace.ParentOf(current))
        {
            if (current is Page page)
            {
                return page.Id;
            }
        }

        return item.Id;
    }

    private static void Insert(NotionRequest request, Page page, int index, IReadOnlyList<BlockDraft> drafts)
    {
        var now = request.State.Now;
        page.Children.InsertRange(index, BlockRequest.Create(request.Workspace, new ParentRef(ParentKind.Page, page.Id), drafts, now, request.Integration.ActorId));
        page.LastEditedTime = now;
        page.LastEditedBy = request.Integration.ActorId;
    }

    /// <summary>
    /// Where inserted Markdown goes: <c>position</c> start or end, or <c>after</c> a selection in Notion's ellipsis
    /// form ("start text...end text"): after the top-level block in which the selection ends.
    /// </summary>
    private static int InsertionIndex(NotionRequest request, Page page, JsonObject operation, string path)
    {
        var after = RequestJson.OptionalString(operation, "after", path);
        var position = RequestJson.OptionalObject(operation, "position", path);
        if (after is not null && position is not null)
        {
            throw NotionException.Validation($"body failed validation: {path}.after and {path}.position cannot both be given.");
        }

        if (position is not null)
        {
            return RequestJson.OptionalString(position, "type", $"{path}.position") switch
            {
                "start" => 0,
                "end" => page.Children.Count,
                _ => throw RequestJson.Invalid($"{path}.position.type", "`\"start\"` or `\"end\"`", position["type"]),
            };
        }

        if (after is null)
        {
            return page.Children.Count;
        }

        var parts = after.Split("...", 2);
        var writer = (Block block) => new MarkdownWriter(request.Workspace, page.Id, int.MaxValue).Write([block]).Markdown;
        var texts = page.Children.Select(b => BlockTree.IsTrashed(request.Workspace, b) ? "" : writer(b)).ToList();
        var start = texts.FindIndex(t => t.Contains(parts[0], StringComparison.Ordinal));
        var end = start < 0 ? -1 : parts.Length == 1 ? start : texts.FindIndex(start, t => t.Contains(parts[1], StringComparison.Ordinal));
        return end >= 0
            ? end + 1
            : throw NotionException.Validation($"body failed validation: {path}.after matches no content of the page: `{after}`.");
    }

    private static ParentRef MoveTarget(NotionRequest request, JsonObject parent, Page page)
    {
        if (RequestJson.OptionalString(parent, "page_id", "body.parent") is { } pageId)
        {
            var target = request.Visible<Page>(PagesEndpoints.ParseBodyId(pageId, "body.parent.page_id"), "page");
            for (WorkspaceObject? current = target; current is not null; current = request.Workspace.ParentOf(current))
            {
                if (current.Id == page.Id)
                {
                    throw NotionException.Validation($"Cannot move page {page.Id} under itself or one of its own subpages.");
                }
            }

            return new ParentRef(ParentKind.Page, target.Id);
        }

        if (request.Version.HasDataSources && RequestJson.OptionalString(parent, "data_source_id", "body.parent") is { } dataSourceId)
        {
            var dataSource = request.Visible<DataSource>(PagesEndpoints.ParseBodyId(dataSourceId, "body.parent.data_source_id"), "data source");
            return new ParentRef(ParentKind.DataSource, dataSource.Id);
        }

        throw RequestJson.FixOne("body.parent", request.Version.HasDataSources ? ["page_id", "data_source_id"] : ["page_id"]);
    }

    /// <summary>
    /// Moves a page, keeping its content and ID. Only the title travels between schemas: moving a row out of a data
    /// source, or a page into one, keeps the title under the new title property and drops the other values.
    /// </summary>
    private static void Move(NotionRequest request, Page page, ParentRef target)
    {
        var workspace = request.Workspace;
        var title = workspace.SchemaOf(page).First(p => p.Type == "title").Id;
        var titleValue = page.Values.GetValueOrDefault(title);
        BlockTree.RemoveFromParent(workspace, page);
        workspace.DataSourceOf(page)?.Rows.Remove(page);
        var sameSchema = page.Parent.Kind == target.Kind && (target.Kind != ParentKind.DataSource || page.Parent.Id == target.Id);
        page.Parent = target;
        if (!sameSchema)
        {
            page.Values.Clear();
            page.Values[workspace.SchemaOf(page).First(p => p.Type == "title").Id] = titleValue;
        }

        workspace.DataSourceOf(page)?.Rows.Add(page);
        BlockTree.ListUnderParent(workspace, page);
        page.LastEditedTime = request.State.Now;
        page.LastEditedBy = request.Integration.ActorId;
    }

    private static string RequiredString(JsonObject body, string name, string path) =>
        RequestJson.OptionalString(body, name, path) ?? throw RequestJson.Invalid($"{path}.{name}", "a string", body[name]);
}
