using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// The schema writes: <c>POST /v1/databases</c>, <c>PATCH /v1/databases/{id}</c>, <c>POST /v1/data_sources</c> and
/// <c>PATCH /v1/data_sources/{id}</c>. Before data sources (2022-06-28) a database carries its schema in
/// <c>properties</c>; from 2025-09-03 it is created with <c>initial_data_source</c> and its schema changes through
/// its data source.
/// </summary>
public static class SchemaEndpoints
{
    /// <summary>Fields Notion takes that the emulator does not store: refused rather than silently dropped.</summary>
    private static readonly string[] NotModelled = ["description", "icon", "cover", "is_locked", "parent"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/databases", CreateDatabaseAsync);
        app.MapPatch("/v1/databases/{database_id}", UpdateDatabaseAsync);
        app.MapPost("/v1/data_sources", CreateDataSourceAsync);
        app.MapPatch("/v1/data_sources/{data_source_id}", UpdateDataSourceAsync);
    }

    // Takes HttpRequest, not HttpContext: a handler whose only parameter is HttpContext is taken for a RequestDelegate.
    private static async Task<IResult> CreateDatabaseAsync(HttpRequest httpRequest)
    {
        var request = NotionRequest.Of(httpRequest.HttpContext);
        var body = await RequestJson.ReadObjectAsync(httpRequest.HttpContext);
        var parent = RequestJson.OptionalObject(body, "parent") ?? throw RequestJson.Invalid("body.parent", "defined", null);
        var pageId = RequestJson.OptionalString(parent, "page_id", "body.parent")
            ?? throw (parent.ContainsKey("workspace")
                ? NotionException.Validation("body.parent: the emulator creates databases under a page only; give parent.page_id.")
                : RequestJson.FixOne("body.parent", ["page_id", "workspace"]));
        RefuseNotModelled(body, NotModelled.Where(k => k != "parent"));
        var title = Title(body);
        var isInline = RequestJson.OptionalBool(body, "is_inline") ?? false;
        var properties = request.Version.HasDataSources
            ? RequestJson.OptionalObject(RequestJson.OptionalObject(body, "initial_data_source") ?? [], "properties", "body.initial_data_source")
            : RequestJson.OptionalObject(body, "properties") ?? throw RequestJson.Invalid("body.properties", "defined", null);
        RefuseOtherVersionsSchema(request, body, request.Version.HasDataSources ? "properties" : "initial_data_source");
        request.RequireInsert();
        using (request.Workspace.Gate.EnterScope())
        {
            var page = request.Visible<Page>(PagesEndpoints.ParseBodyId(pageId, "body.parent.page_id"), "page");
            request.RequireAccess(page, PermissionLevel.Edit);
            var database = Stamp(request, new Database
            {
                Id = Guid.NewGuid(),
                Parent = new ParentRef(ParentKind.Page, page.Id),
                Title = title ?? "",
                IsInline = isInline,
            });
            var dataSource = NewDataSource(request, database, title ?? "");
            new SchemaEditor(request, dataSource).Define(properties, request.Version.HasDataSources ? "body.initial_data_source.properties" : "body.properties");
            request.Workspace.Add(database);
            Register(request, database, dataSource);
            BlockTree.ListUnderParent(request.Workspace, database);
            return NotionResults.Json(RenderDatabase(request, database));
        }
    }

    private static async Task<IResult> UpdateDatabaseAsync(HttpContext context, string database_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(database_id, "database_id");
        var body = await RequestJson.ReadObjectAsync(context);
        RefuseNotModelled(body, NotModelled);
        var title = Title(body);
        var isInline = RequestJson.OptionalBool(body, "is_inline");
        var inTrash = request.Version.ReadTrashFlag(body);
        var properties = RequestJson.OptionalObject(body, "properties");
        if (properties is not null && request.Version.HasDataSources)
        {
            throw NotionException.Validation(
                $"body.properties is not supported in Notion-Version {request.Version.Name}: a database holds data sources; change the schema with PATCH /v1/data_sources/{{data_source_id}}.");
        }

        request.RequireUpdate();
        using (request.Workspace.Gate.EnterScope())
        {
            var database = request.Visible<Database>(id, "database");
            request.RequireAccess(database, PermissionLevel.Edit);
            if (properties is not null)
            {
                var dataSource = request.SingleDataSourceOf(database);
                new SchemaEditor(request, dataSource).Update(properties, "body.properties");
                Touch(request, dataSource);
            }

            database.Title = title ?? database.Title;
            database.IsInline = isInline ?? database.IsInline;
            database.InTrash = inTrash ?? database.InTrash;
            Touch(request, database);
            return NotionResults.Json(RenderDatabase(request, database));
        }
    }

    private static async Task<IResult> CreateDataSourceAsync(HttpRequest httpRequest)
    {
        var request = NotionRequest.Of(httpRequest.HttpContext);
        var body = await RequestJson.ReadObjectAsync(httpRequest.HttpContext);
        var parent = RequestJson.OptionalObject(body, "parent") ?? throw RequestJson.Invalid("body.parent", "defined", null);
        var databaseId = RequestJson.OptionalString(parent, "database_id", "body.parent")
            ?? throw RequestJson.Invalid("body.parent.database_id", "defined", null);
        var properties = RequestJson.OptionalObject(body, "properties") ?? throw RequestJson.Invalid("body.properties", "defined", null);
        RefuseNotModelled(body, ["icon"]);
        var title = Title(body);
        request.RequireInsert();
        using (request.Workspace.Gate.EnterScope())
        {
            var database = request.Visible<Database>(PagesEndpoints.ParseBodyId(databaseId, "body.parent.database_id"), "database");
            request.RequireAccess(database, PermissionLevel.Edit);
            if (database.ViewOf is not null)
            {
                throw NotionException.Validation($"Database with ID {database.Id} is a linked database; add the data source to its source database.");
            }

            var dataSource = NewDataSource(request, database, title ?? database.Title);
            new SchemaEditor(request, dataSource).Define(properties, "body.properties");
            Register(request, database, dataSource);
            Touch(request, database);
            return NotionResults.Json(ObjectRenderer.For(request).DataSource(dataSource));
        }
    }

    private static async Task<IResult> UpdateDataSourceAsync(HttpContext context, string data_source_id)
    {
        var request = NotionRequest.Of(context);
        var id = RequestJson.ParseId(data_source_id, "data_source_id");
        var body = await RequestJson.ReadObjectAsync(context);
        RefuseNotModelled(body, ["icon", "parent"]);
        var title = Title(body);
        var inTrash = request.Version.ReadTrashFlag(body);
        var properties = RequestJson.OptionalObject(body, "properties");
        request.RequireUpdate();
        using (request.Workspace.Gate.EnterScope())
        {
            var dataSource = request.Visible<DataSource>(id, "data source");
            request.RequireAccess(dataSource, PermissionLevel.Edit);
            if (properties is not null)
            {
                new SchemaEditor(request, dataSource).Update(properties, "body.properties");
            }

            dataSource.Name = title ?? dataSource.Name;
            dataSource.InTrash = inTrash ?? dataSource.InTrash;
            Touch(request, dataSource);
            return NotionResults.Json(ObjectRenderer.For(request).DataSource(dataSource));
        }
    }

    private static JsonObject RenderDatabase(NotionRequest request, Database database) =>
        ObjectRenderer.For(request).Database(database, request.Version.HasDataSources ? null : request.SingleDataSourceOf(database));

    private static DataSource NewDataSource(NotionRequest request, Database database, string name) => Stamp(request, new DataSource
    {
        Id = Guid.NewGuid(),
        Parent = new ParentRef(ParentKind.Database, database.Id),
        Name = name,
    });

    private static void Register(NotionRequest request, Database database, DataSource dataSource)
    {
        request.Workspace.Add(dataSource);
        database.DataSources.Add(dataSource);
    }

    private static T Stamp<T>(NotionRequest request, T item) where T : WorkspaceObject
    {
        item.CreatedTime = request.State.Now;
        item.CreatedBy = request.Integration.ActorId;
        Touch(request, item);
        return item;
    }

    private static void Touch(NotionRequest request, WorkspaceObject item)
    {
        item.LastEditedTime = request.State.Now;
        item.LastEditedBy = request.Integration.ActorId;
    }

    /// <summary>A title as rich text, kept as its plain text (the emulator stores titles as text).</summary>
    private static string? Title(JsonObject body) =>
        body.ContainsKey("title") ? RichText.PlainText(PropertyWriter.RichTextArray(body["title"], "body.title")) : null;

    private static void RefuseNotModelled(JsonObject body, IEnumerable<string> keys)
    {
        if (keys.FirstOrDefault(body.ContainsKey) is { } key)
        {
            throw NotionException.Validation($"body.{key} is not modelled by the emulator; leave it out (see the emulator's README).");
        }
    }

    /// <summary>Each version has one place for a new database's schema; the other one is refused, naming the right one.</summary>
    private static void RefuseOtherVersionsSchema(NotionRequest request, JsonObject body, string wrongKey)
    {
        if (body.ContainsKey(wrongKey))
        {
            var right = wrongKey == "properties" ? "body.initial_data_source.properties" : "body.properties";
            throw NotionException.Validation($"body.{wrongKey} is not supported in Notion-Version {request.Version.Name}; use {right}.");
        }
    }
}
