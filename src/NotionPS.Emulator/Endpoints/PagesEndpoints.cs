using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Files;
using NotionPS.Emulator.Query;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// <c>POST /v1/pages</c>, <c>GET</c> and <c>PATCH /v1/pages/{id}</c>, and the paged
/// <c>GET /v1/pages/{id}/properties/{property_id}</c>.
/// </summary>
public static class PagesEndpoints
{
    private static readonly HashSet<string> PagedTypes = ["title", "rich_text", "people", "relation", "rollup"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/pages", CreateAsync);
        app.MapGet("/v1/pages/{page_id}", Retrieve);
        app.MapPatch("/v1/pages/{page_id}", UpdateAsync);
        app.MapGet("/v1/pages/{page_id}/properties/{property_id}", RetrieveProperty);
    }

    // Takes HttpRequest, not HttpContext: a handler whose only parameter is HttpContext is taken for a
    // RequestDelegate, and its IResult would be dropped.
    private static async Task<IResult> CreateAsync(HttpRequest httpRequest)
    {
        var context = httpRequest.HttpContext;
        var request = NotionRequest.Of(context);
        var body = await RequestJson.ReadObjectAsync(context);
        var parent = RequestJson.OptionalObject(body, "parent") ?? throw RequestJson.Invalid("body.parent", "defined", null);
        var properties = RequestJson.OptionalObject(body, "properties") ?? throw RequestJson.Invalid("body.properties", "defined", null);
        var content = PageContentEndpoints.ReadInitialContent(body);
        var visuals = PageVisuals.Read(body);
        request.RequireInsert();
        using (request.Workspace.Gate.EnterScope())
        {
            var workspace = request.Workspace;
            var (parentRef, schema) = ResolveParent(request, parent);
            request.RequireAccess(workspace.Find<WorkspaceObject>(parentRef.Id)!, PermissionLevel.Edit);
            var values = new PropertyWriter(workspace).Convert(properties, schema);
            visuals = visuals.WithCustomEmojiOf(workspace);
            visuals.CheckIn(request.State.Files.Attach(request).CheckValues(values).CheckBlocks(content, "body.children")).Commit();
            var now = request.State.Now;
            var page = new Page
            {
                Id = Guid.NewGuid(),
                Parent = parentRef,
                CreatedTime = now,
                LastEditedTime = now,
                CreatedBy = request.Integration.ActorId,
                LastEditedBy = request.Integration.ActorId,
            };
            foreach (var (id, value) in values)
            {
                page.Values[id] = value;
            }

            visuals.ApplyTo(page);

            workspace.Add(page);
            workspace.DataSourceOf(page)?.Rows.Add(page);
            BlockTree.ListUnderParent(workspace, page);
            page.Children.AddRange(BlockRequest.Create(workspace, new ParentRef(ParentKind.Page, page.Id), content, now, request.Integration.ActorId));
            request.State.Stats.For(request.Integration.Id).CountPageCreated();
            return NotionResults.Json(ObjectRenderer.For(request).Page(page));
        }
    }

    private static (ParentRef Parent, IReadOnlyList<PropertySchema> Schema) ResolveParent(NotionRequest request, JsonObject parent)
    {
        if (request.Version.HasDataSources && RequestJson.OptionalString(parent, "data_source_id", "body.parent") is { } dataSourceId)
        {
            var dataSource = request.Visible<DataSource>(ParseBodyId(dataSourceId, "body.parent.data_source_id"), "data source");
            return (new ParentRef(ParentKind.DataSource, dataSource.Id), dataSource.Properties);
        }

        if (RequestJson.OptionalString(parent, "database_id", "body.parent") is { } databaseId)
        {
            var database = request.Visible<Database>(ParseBodyId(databaseId, "body.parent.database_id"), "database");
            var dataSource = request.SingleDataSourceOf(database);
            return (new ParentRef(ParentKind.DataSource, dataSource.Id), dataSource.Properties);
        }

        if (RequestJson.OptionalString(parent, "page_id", "body.parent") is { } pageId)
        {
            var page = request.Visible<Page>(ParseBodyId(pageId, "body.parent.page_id"), "page");
            return (new ParentRef(ParentKind.Page, page.Id), NotionWorkspace.StandalonePageSchema);
        }

        throw RequestJson.FixOne("body.parent", request.Version.HasDataSources ? ["page_id", "database_id", "data_source_id"] : ["page_id", "database_id"]);
    }

    private static IResult Retrieve(HttpContext context, string page_id) =>
        ObjectRetrieval.Retrieve<Page>(context, page_id, "page_id", "page", (renderer, page) =>
            renderer.Page(page, PropertyFilter.Parse(context.Request, NotionRequest.Of(context).Workspace.SchemaOf(page))));

    private static async Task<IResult> UpdateAsync(HttpContext context, string page_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(page_id, "page_id");
        var body = await RequestJson.ReadObjectAsync(context);
        var properties = RequestJson.OptionalObject(body, "properties");
        var inTrash = request.Version.ReadTrashFlag(body);
        var visuals = PageVisuals.Read(body);
        request.RequireUpdate();
        using (request.Workspace.Gate.EnterScope())
        {
            var page = request.Visible<Page>(id, "page");
            request.RequireAccess(page, PermissionLevel.Edit);
            if (page.InTrash && inTrash != false && properties is { Count: > 0 })
            {
                throw NotionException.Validation("Can't edit block that is archived. You must unarchive the block before editing.");
            }

            var values = properties is null ? [] : new PropertyWriter(request.Workspace).Convert(properties, request.Workspace.SchemaOf(page));
            visuals = visuals.WithCustomEmojiOf(request.Workspace);
            visuals.CheckIn(request.State.Files.Attach(request).CheckValues(values)).Commit();
            visuals.ApplyTo(page);
            foreach (var (propertyId, value) in values)
            {
                page.Values[propertyId] = value;
            }

            page.InTrash = inTrash ?? page.InTrash;
            page.LastEditedTime = request.State.Now;
            page.LastEditedBy = request.Integration.ActorId;
            request.State.Stats.For(request.Integration.Id).CountPageUpdated();
            return NotionResults.Json(ObjectRenderer.For(request).Page(page));
        }
    }

    private static IResult RetrieveProperty(HttpContext context, string page_id, string property_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(page_id, "page_id");
        request.RequireRead();
        var pageSize = RequestJson.PageSize(context.Request);
        using (request.Workspace.Gate.EnterScope())
        {
            var page = request.Visible<Page>(id, "page");
            var property = PropertySchema.Find(request.Workspace.SchemaOf(page), property_id)
                ?? throw NotionException.Validation($"Could not find property with id: {property_id}");
            var stored = page.Values.GetValueOrDefault(property.Id);
            if (!PagedTypes.Contains(property.Type))
            {
                return NotionResults.Json(PropertyItem(property, ObjectRenderer.For(request).PropertyValue(property, page)[property.Type]?.DeepClone()));
            }

            var renderer = ObjectRenderer.For(request);
            var isRollup = property.Type == "rollup";
            var items = isRollup ? RollupPropertyItem.Items(property, page, request.Workspace.SchemaOf(page)) : ObjectRenderer.ItemsOf(stored).ToList();
            var indexes = Enumerable.Range(0, items.Count).ToList();
            var slice = Paging.Take(indexes, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Request.Query["start_cursor"], pageSize);
            var list = ObjectRenderer.List(
                slice.Items.Select(i => isRollup ? items[i] : PropertyItem(property, renderer.PropertyItem(property, items[i]))),
                slice.NextCursor,
                "property_item");
            list["property_item"] = new JsonObject
            {
                ["id"] = property.Id,
                ["next_url"] = slice.NextCursor is null
                    ? null
                    : $"{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}?start_cursor={slice.NextCursor}",
                ["type"] = property.Type,
                [property.Type] = isRollup ? RollupPropertyItem.Value(property, page) : new JsonObject(),
            };
            return NotionResults.Json(list);
        }
    }

    private static JsonObject PropertyItem(PropertySchema property, JsonNode? value) => new()
    {
        ["object"] = "property_item",
        ["id"] = property.Id,
        ["type"] = property.Type,
        [property.Type] = value,
    };

    internal static Guid ParseBodyId(string raw, string path) =>
        Guid.TryParse(raw, out var id) ? id : throw RequestJson.Invalid(path, "a valid uuid", JsonValue.Create(raw));
}
