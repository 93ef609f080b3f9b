using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Endpoints;

public static class NotionResults
{
    // Notion writes quotes and non-ASCII text as they are, not as \u escapes.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize(JsonNode body) => body.ToJsonString(Options);

    public static IResult Json(JsonNode body, int status = StatusCodes.Status200OK) =>
        Results.Text(Serialize(body), "application/json; charset=utf-8", statusCode: status);
}
