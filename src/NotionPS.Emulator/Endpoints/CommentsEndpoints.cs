using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Content;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Comments: <c>GET /v1/comments?block_id=</c> (a page's or block's comments, oldest first, paged),
/// <c>POST /v1/comments</c> (a new discussion on a page or block, or a reply in a discussion) and
/// <c>GET /v1/comments/{id}</c>. Each needs the integration's read or insert comments capability.
/// </summary>
public static class CommentsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/comments", (HttpContext context) =>
        {
            var request = NotionRequest.Of(context);
            var raw = context.Request.Query["block_id"].ToString();
            if (raw.Length == 0)
            {
                throw NotionException.Validation("query failed validation: query.block_id should be defined, instead was `undefined`.");
            }

            var id = RequestJson.ParseId(raw, "block_id");
            var pageSize = RequestJson.PageSize(context.Request);
            request.RequireReadComments();
            using (request.Workspace.Gate.EnterScope())
            {
                BlocksEndpoints.VisibleBlock(request, id);
                var comments = request.Workspace.Comments.Where(c => c.Parent.Id == id).ToList();
                var slice = Paging.Take(comments, c => c.Id.ToString(), context.Request.Query["start_cursor"], pageSize);
                return NotionResults.Json(ObjectRenderer.List(slice.Items.Select(c => (JsonNode)Render(request, c)), slice.NextCursor, "comment"));
            }
        });

        app.MapGet("/v1/comments/{comment_id}", (HttpContext context, string comment_id) =>
        {
            var request = NotionRequest.Of(context);
            var id = RequestJson.ParseId(comment_id, "comment_id");
            request.RequireReadComments();
            using (request.Workspace.Gate.EnterScope())
            {
                var comment = request.Workspace.Comments.Find(c => c.Id == id);
                if (comment is null || request.Workspace.Find<WorkspaceObject>(comment.Parent.Id) is not { } on || !request.Workspace.IsVisible(on, request.Integration))
                {
                    throw NotionException.NotFound("comment", id, request.Integration.Name);
                }

                return NotionResults.Json(Render(request, comment));
            }
        });

        app.MapPost("/v1/comments", async (HttpRequest httpRequest) =>
        {
            var context = httpRequest.HttpContext;
            var request = NotionRequest.Of(context);
            var body = await RequestJson.ReadObjectAsync(context);
            var text = CommentText(body);
            var parent = RequestJson.OptionalObject(body, "parent");
            var discussion = RequestJson.OptionalString(body, "discussion_id");
            if ((parent is null) == (discussion is null))
            {
                throw RequestJson.FixOne("body", ["parent", "discussion_id"]);
            }

            request.RequireInsertComments();

            using (request.Workspace.Gate.EnterScope())
            {
                var (on, discussionId) = parent is not null ? (NewDiscussionOn(request, parent), Guid.NewGuid()) : Discussion(request, discussion!);
                request.RequireAccess(request.Workspace.Find<WorkspaceObject>(on.Id)!, PermissionLevel.Comment);
                var comment = new Comment
                {
                    Id = Guid.NewGuid(),
                    Parent = on,
                    DiscussionId = discussionId,
                    RichText = text,
                    CreatedTime = request.State.Now,
                    CreatedBy = request.Integration.ActorId,
                };
                request.Workspace.Comments.Add(comment);
                return NotionResults.Json(Render(request, comment));
            }
        });
    }

    /// <summary>The comment's text: <c>rich_text</c>, or <c>markdown</c> (inline formatting only), not both.</summary>
    private static JsonArray CommentText(JsonObject body)
    {
        if (body.ContainsKey("rich_text") && body.ContainsKey("markdown"))
        {
            throw NotionException.Validation("body failed validation: body.rich_text and body.markdown cannot both be given.");
        }

        return RequestJson.OptionalString(body, "markdown") is { } markdown
            ? PropertyWriter.RichTextArray(MarkdownReader.Inline(markdown), "body.markdown")
            : body["rich_text"] is { } richText
                ? PropertyWriter.RichTextArray(richText, "body.rich_text")
                : throw RequestJson.FixOne("body", ["rich_text", "markdown"]);
    }

    private static ParentRef NewDiscussionOn(NotionRequest request, JsonObject parent)
    {
        var raw = RequestJson.OptionalString(parent, "page_id", "body.parent") ?? RequestJson.OptionalString(parent, "block_id", "body.parent")
            ?? throw RequestJson.FixOne("body.parent", ["page_id", "block_id"]);
        var id = Guid.TryParse(raw, out var parsed) ? parsed : throw RequestJson.Invalid("body.parent.page_id", "a valid uuid", JsonValue.Create(raw));
        var block = BlocksEndpoints.VisibleBlock(request, id);
        return block.IsStandIn && request.Workspace.Find<Page>(id) is not null
            ? new ParentRef(ParentKind.Page, id)
            : new ParentRef(ParentKind.Block, id);
    }

    private static (ParentRef On, Guid DiscussionId) Discussion(NotionRequest request, string raw)
    {
        var id = Guid.TryParse(raw, out var parsed) ? parsed : throw RequestJson.Invalid("body.discussion_id", "a valid uuid", JsonValue.Create(raw));
        var first = request.Workspace.Comments.Find(c => c.DiscussionId == id);
        if (first is null || request.Workspace.Find<WorkspaceObject>(first.Parent.Id) is not { } on || !request.Workspace.IsVisible(on, request.Integration))
        {
            throw NotionException.NotFound("discussion", id, request.Integration.Name);
        }

        return (first.Parent, id);
    }

    private static JsonObject Render(NotionRequest request, Comment comment) => new()
    {
        ["object"] = "comment",
        ["id"] = comment.Id.ToString(),
        ["parent"] = comment.Parent.Kind == ParentKind.Page
            ? new JsonObject { ["type"] = "page_id", ["page_id"] = comment.Parent.Id.ToString() }
            : new JsonObject { ["type"] = "block_id", ["block_id"] = comment.Parent.Id.ToString() },
        ["discussion_id"] = comment.DiscussionId.ToString(),
        ["created_time"] = ObjectRenderer.Timestamp(comment.CreatedTime),
        ["last_edited_time"] = ObjectRenderer.Timestamp(comment.CreatedTime),
        ["created_by"] = ObjectRenderer.PartialUser(comment.CreatedBy),
        ["rich_text"] = comment.RichText.DeepClone(),
        ["display_name"] = new JsonObject
        {
            ["type"] = request.Workspace.Integrations.Any(i => i.Id == comment.CreatedBy) ? "integration" : "user",
            ["resolved_name"] = request.Workspace.Integrations.FirstOrDefault(i => i.Id == comment.CreatedBy)?.Name
                ?? request.Workspace.FindPerson(comment.CreatedBy)?.Name,
        },
    };
}
