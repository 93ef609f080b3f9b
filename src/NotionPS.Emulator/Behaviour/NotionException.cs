using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// An answer in Notion's error model. Endpoints throw it; the request pipeline turns it into
/// <c>{object:"error", status, code, message, request_id}</c>.
/// </summary>
public sealed class NotionException(int status, string code, string message, JsonObject? additionalData = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    /// <summary>Notion's <c>additional_data</c>, sent with some errors (e.g. the data sources of a database).</summary>
    public JsonObject? AdditionalData { get; } = additionalData;

    public static NotionException Validation(string message, JsonObject? additionalData = null) =>
        new(400, "validation_error", message, additionalData);

    public static NotionException InvalidJson() => new(400, "invalid_json", "Error parsing JSON body.");

    public static NotionException InvalidRequestUrl() => new(400, "invalid_request_url", "Invalid request URL.");

    public static NotionException MissingVersion() => new(400, "missing_version",
        "Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.");

    public static NotionException Unauthorized() => new(401, "unauthorized", "API token is invalid.");

    public static NotionException Restricted(string message) => new(403, "restricted_resource", message);

    /// <summary>The 404 Notion gives for both unknown and unshared objects, naming the integration.</summary>
    public static NotionException NotFound(string kind, Guid id, string integrationName) => new(404, "object_not_found",
        $"Could not find {kind} with ID: {id:D}. Make sure the relevant pages and databases are shared with your integration \"{integrationName}\".");

    public static NotionException RateLimited() => new(429, "rate_limited",
        "You have been rate limited. Please try again in a few minutes.");

    /// <summary>Body text for the statuses the fault switch can inject.</summary>
    public static NotionException ForStatus(int status) => status switch
    {
        429 => RateLimited(),
        500 => new(500, "internal_server_error", "Unexpected error occurred."),
        502 => new(502, "bad_gateway", "Bad gateway."),
        503 => new(503, "service_unavailable", "Notion is unavailable, please try again later."),
        504 => new(504, "gateway_timeout", "Gateway timeout."),
        529 => new(529, "service_overload", "Notion is overloaded, please try again later."),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not a status the fault switch injects."),
    };
}
