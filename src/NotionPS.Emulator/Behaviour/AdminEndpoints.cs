using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// The test-facing API under <c>/__emulator/</c> (no token, no Notion-Version): seed more objects, share and
/// unshare, set faults, the rate limit and the clock, read counters, reset. Bodies use the seed-file format.
/// It answers only this machine: see <see cref="AdminGuard"/>.
/// </summary>
public static partial class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, EmulatorState state)
    {
        var admin = app.MapGroup(RequestPipeline.AdminPrefix);
        admin.AddEndpointFilter(async (invocation, next) =>
            AdminGuard.Refusal(invocation.HttpContext.Request) is { } refusal ? Refused(refusal) : await next(invocation));

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
                return Refused(error);
            }
        });
        admin.MapDelete("/faults", () =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        admin.MapGet("/holds", () => NotionResults.Json(state.Faults.HeldJson()));
        admin.MapPost("/holds/release", async (HttpContext context) =>
        {
            try
            {
                var body = await RequestJson.ReadObjectAsync(context, enforceLimits: false);
                AdminInput.AllowOnly(body, "method", "path");
                var released = state.Faults.Release(AdminInput.Text(body, "method"), AdminInput.Text(body, "path"));
                return NotionResults.Json(new JsonObject { ["released"] = released });
            }
            catch (Exception error) when (IsBadInput(error))
            {
                return Refused(error);
            }
        });

        admin.MapGet("/rate-limit", () => NotionResults.Json(state.Limits.Settings.ToJson()));
        admin.MapPut("/rate-limit", async (HttpContext context) =>
        {
            try
            {
                var body = await RequestJson.ReadObjectAsync(context, enforceLimits: false);
                // The settings check names and signs (unknown keys, negatives); these are the admin API's upper bounds.
                AdminInput.Number(body, "requestsPerSecond", 0, MaxRequestsPerSecond);
                AdminInput.WholeNumber(body, "burst", 1, MaxRequestsPerSecond);
                AdminInput.WholeNumber(body, "retryAfterSeconds", 0, MaxRetryAfterSeconds);
                state.Limits.Configure(state.Limits.Settings.With(body));
                return NotionResults.Json(state.Limits.Settings.ToJson());
            }
            catch (Exception error) when (IsBadInput(error))
            {
                return Refused(error);
            }
        });

        MapTokensAndPermissions(admin, state);
        admin.MapGet("/clock", () => NotionResults.Json(ClockJson(state)));
        admin.MapPut("/clock", async (HttpContext context) =>
        {
            try
            {
                var body = await RequestJson.ReadObjectAsync(context, enforceLimits: false);
                AdminInput.AllowOnly(body, "now");
                if (!body.ContainsKey("now"))
                {
                    throw new ArgumentException("now is required: an ISO 8601 time such as 2025-01-31T10:00:00Z, or null for the start time.");
                }

                state.Clock.Set(AdminInput.Text(body, "now") is { } now ? AdjustableClock.ParseInstant(now, "now") : null);
                return NotionResults.Json(ClockJson(state));
            }
            catch (Exception error) when (IsBadInput(error))
            {
                return Refused(error);
            }
        });

        admin.MapFallback(() => Refused(NotionException.InvalidRequestUrl()));
    }

    private const int MaxRequestsPerSecond = 1_000_000;

    /// <summary>A day: Notion's own Retry-After is at most a minute per connection, longer per workspace.</summary>
    private const int MaxRetryAfterSeconds = 86_400;

    private static JsonObject ClockJson(EmulatorState state) => new() { ["now"] = ObjectRenderer.Timestamp(state.Clock.GetUtcNow()) };

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
                return Refused(new InvalidDataException(item is null
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
                var loader = new SeedLoader(workspace, state.Now);
                var added = add(body, loader);
                loader.CheckRelations();
                return NotionResults.Json(added, StatusCodes.Status201Created);
            }
        }
        catch (Exception error) when (IsBadInput(error))
        {
            return Refused(error);
        }
    }

    private static bool IsBadInput(Exception error) =>
        error is NotionException or InvalidDataException or ArgumentException or FormatException
            or InvalidOperationException or JsonException;

    /// <summary>The admin API's error body; a <see cref="NotionException"/> brings its status, anything else is a 400.</summary>
    private static IResult Refused(Exception error)
    {
        var status = error is NotionException notion ? notion.Status : StatusCodes.Status400BadRequest;
        return NotionResults.Json(
            new JsonObject
            {
                ["object"] = "error",
                ["status"] = status,
                ["code"] = (error as NotionException)?.Code ?? "validation_error",
                ["message"] = error.Message,
            },
            status);
    }
}
