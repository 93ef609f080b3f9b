using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// The test-facing API under <c>/__emulator/</c> (no token, no Notion-Version): seed more objects, share and
/// unshare, set faults and the rate limit, read counters, reset. Bodies use the seed-file format.
/// </summary>
public static partial class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var admin = app.MapGroup(RequestPipeline.AdminPrefix);

        admin.MapGet("/stats", () => NotionResults.Json(StatsJson(state)));

        admin.MapPost("/reset", () =>
        {
            state.Reset();
            return Results.NoContent();
        });

        // Handlers take HttpRequest, not a lone HttpContext, so they bind as route handlers whose IResult is written.
        admin.MapPost("/integrations", (HttpRequest request) => WithBody(request.HttpContext, state, (body, loader) =>
        {
            var integration = loader.AddIntegration(body);
            return new JsonObject { ["id"] = integration.Id.ToString(), ["name"] = integration.Name };
        }));

        admin.MapPost("/pages", (HttpRequest request) => WithBody(request.HttpContext, state, (body, loader) =>
            new JsonObject { ["id"] = loader.AddPage(body).Id.ToString() }));

        admin.MapPost("/databases", (HttpRequest request) => WithBody(request.HttpContext, state, (body, loader) =>
        {
            var database = loader.AddDatabase(body);
            return new JsonObject
            {
                ["id"] = database.Id.ToString(),
                ["dataSources"] = new JsonArray([.. database.DataSources.Select(d => (JsonNode)d.Id.ToString())]),
            };
        }));

        admin.MapPost("/databases/{id}/data_sources", (HttpContext context, string id) => WithBody(context, state, (body, loader) =>
        {
            var database = state.Workspace.Find<Database>(Guid.Parse(id)) ?? throw new InvalidDataException($"No database {id}.");
            return new JsonObject { ["id"] = loader.AddDataSource(database, body).Id.ToString() };
        }));

        admin.MapPost("/data_sources/{id}/rows", (HttpContext context, string id) => WithBody(context, state, (body, loader) =>
        {
            var dataSource = state.Workspace.Find<DataSource>(Guid.Parse(id)) ?? throw new InvalidDataException($"No data source {id}.");
            var rows = body["rows"] as JsonArray ?? throw new InvalidDataException("rows must be an array of row objects.");
            var ids = rows.Select(row => (JsonNode)loader.AddRow(dataSource, row as JsonObject
                ?? throw new InvalidDataException("Every row must be an object.")).Id.ToString()).ToList();
            return new JsonObject { ["ids"] = new JsonArray([.. ids]) };
        }));

        admin.MapPut("/shares/{objectId}/{integration}", (string objectId, string integration) => Share(state, objectId, integration, share: true));
        admin.MapDelete("/shares/{objectId}/{integration}", (string objectId, string integration) => Share(state, objectId, integration, share: false));

        admin.MapGet("/faults", () => NotionResults.Json(state.Faults.ToJson()));
        admin.MapPost("/faults", async (HttpContext context) =>
        {
            try
            {
                var rule = FaultRule.Parse(await RequestJson.ReadObjectAsync(context, enforceLimits: false));
                state.Faults.Add(rule);
                return NotionResults.Json(rule.ToJson(), StatusCodes.Status201Created);
            }
            catch (Exception error) when (IsBadInput(error))
            {
                return BadRequest(error);
            }
        });
        admin.MapDelete("/faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });

        admin.MapGet("/rate-limit", () => NotionResults.Json(state.Limits.Settings.ToJson()));
        admin.MapPut("/rate-limit", async (HttpContext context) =>
        {
            try
            {
                var body = await RequestJson.ReadObjectAsync(context, enforceLimits: false);
                state.Limits.Configure(state.Limits.Settings.With(body));
                return NotionResults.Json(state.Limits.Settings.ToJson());
            }
            catch (Exception error) when (IsBadInput(error))
            {
                return BadRequest(error);
            }
        });

        MapTokensAndPermissions(admin, state);
        admin.MapFallback(() => BadRequest(NotionException.InvalidRequestUrl()));
    }

    private static JsonObject StatsJson(EmulatorState state)
    {
        var workspace = state.Workspace;
        using (workspace.Gate.EnterScope())
        {
            return state.Stats.ToJson([.. workspace.Integrations]);
        }
    }

    private static IResult Share(EmulatorState state, string objectId, string integrationIdOrName, bool share)
    {
        var workspace = state.Workspace;
        using (workspace.Gate.EnterScope())
        {
            var item = Guid.TryParse(objectId, out var id) ? workspace.Find<WorkspaceObject>(id) : null;
            var integration = workspace.FindIntegration(integrationIdOrName);
            if (item is null || integration is null)
            {
                return BadRequest(new InvalidDataException(item is null
                    ? $"No page, database or data source {objectId}."
                    : $"No integration {integrationIdOrName}."));
            }

            _ = share ? item.SharedWith.Add(integration.Id) : item.SharedWith.Remove(integration.Id);
            return Results.NoContent();
        }
    }

    private static async Task<IResult> WithBody(HttpContext context, EmulatorState state, Func<JsonObject, SeedLoader, JsonObject> add)
    {
        try
        {
            var body = await RequestJson.ReadObjectAsync(context, enforceLimits: false);
            var workspace = state.Workspace;
            using (workspace.Gate.EnterScope())
            {
                return NotionResults.Json(add(body, new SeedLoader(workspace, state.Now)), StatusCodes.Status201Created);
            }
        }
        catch (Exception error) when (IsBadInput(error))
        {
            return BadRequest(error);
        }
    }

    private static bool IsBadInput(Exception error) =>
        error is NotionException or InvalidDataException or ArgumentException or FormatException
            or InvalidOperationException or JsonException;

    private static IResult BadRequest(Exception error) => NotionResults.Json(
        new JsonObject
        {
            ["object"] = "error",
            ["status"] = 400,
            ["code"] = error is NotionException notion ? notion.Code : "validation_error",
            ["message"] = error.Message,
        },
        StatusCodes.Status400BadRequest);
}
