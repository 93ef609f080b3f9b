using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using NotionPS.Emulator.Behaviour;

namespace NotionPS.Emulator.Endpoints;

/// <summary>
/// Reads request bodies, paths and query strings by hand, so every malformed input becomes one of Notion's
/// 400 answers instead of a model-binding failure or a 500.
/// </summary>
public static class RequestJson
{
    /// <summary>Notion's limit on any array in a request.</summary>
    public const int MaxArrayLength = 100;

    public const int MaxPageSize = 100;

    /// <summary>Notion's limit on a request body (500 KB).</summary>
    public const int MaxPayloadBytes = 500 * 1024;

    /// <summary>The admin API's limit on a body: room for a bulk seed of some 100,000 rows (the tests send 25,000 at most).</summary>
    public const int MaxAdminPayloadBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads the body as a JSON object. Notion's limits (500 KB, 100 elements in any array) apply unless told
    /// otherwise: the admin API takes bodies up to <see cref="MaxAdminPayloadBytes"/>.
    /// </summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext context, bool enforceLimits = true)
    {
        using var buffer = await ReadBodyAsync(context, enforceLimits);
        JsonNode? body;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
            if (string.IsNullOrWhiteSpace(text))
            {
                body = new JsonObject();
            }
            else
            {
                using var document = JsonDocument.Parse(text);
                body = LastKeyWins(document.RootElement);
            }
        }
        catch (JsonException)
        {
            throw NotionException.InvalidJson();
        }

        if (body is not JsonObject result)
        {
            throw Invalid("body", "an object", body);
        }

        if (enforceLimits)
        {
            CheckArrayLengths(result, "body");
        }

        return result;
    }

    /// <summary>
    /// A parsed value as a node, a key given twice keeping its last value (at its first place), as JavaScript's
    /// JSON.parse, Notion's parser, reads it: JsonNode.Parse would throw on first use of such an object. The
    /// document's depth limit (64) bounds the recursion.
    /// </summary>
    private static JsonNode? LastKeyWins(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var result = new JsonObject();
                foreach (var property in element.EnumerateObject())
                {
                    result[property.Name] = LastKeyWins(property.Value);
                }

                return result;
            case JsonValueKind.Array:
                return new JsonArray(element.EnumerateArray().Select(LastKeyWins).ToArray());
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>
    /// Reads the body into memory up to its limit and no further: a body its Content-Length declares too large is
    /// refused before a byte is read, a chunked one as soon as it passes the limit. The server is given the same
    /// limit, so it closes the connection instead of reading the rest of a refused body to its end.
    /// </summary>
    private static async Task<MemoryStream> ReadBodyAsync(HttpContext context, bool enforceLimits)
    {
        var limit = enforceLimits ? MaxPayloadBytes : MaxAdminPayloadBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw TooLarge(context, enforceLimits, $"{context.Request.ContentLength} bytes");
        }

        var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(81_920);
        try
        {
            int read;
            while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw TooLarge(context, enforceLimits, $"more than {limit} bytes");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException error) when (error.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(context, enforceLimits, $"more than {limit} bytes");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return buffer;
    }

    private static NotionException TooLarge(HttpContext context, bool enforceLimits, string actual)
    {
        // The rest of the body is not wanted: the connection closes after the answer.
        context.Response.Headers.Connection = "close";
        return enforceLimits
            ? NotionException.Validation(
                $"body failed validation: the request body should be at most {MaxPayloadBytes} bytes (500 KB), instead was {actual}.")
            : new NotionException(StatusCodes.Status413PayloadTooLarge, "payload_too_large",
                $"An admin request body may hold at most {MaxAdminPayloadBytes} bytes (16 MB), instead was {actual}. Send the rows in several requests.");
    }

    /// <summary>The 400 Notion gives for a value of the wrong type or range, in Notion's wording.</summary>
    public static NotionException Invalid(string path, string expectation, JsonNode? actual)
    {
        var prefix = path.Split('.')[0];
        return NotionException.Validation(
            $"{prefix} failed validation: {path} should be {expectation}, instead was `{Describe(actual)}`.");
    }

    /// <summary>Notion's answer when none of the keys it accepts is present: "Fix one:" and each key it would take.</summary>
    public static NotionException FixOne(string path, IEnumerable<string> keys) => NotionException.Validation(
        "body failed validation. Fix one:\n" + string.Join("\n", keys.Select(k => $"{path}.{k} should be defined, instead was `undefined`.")));

    public static string Describe(JsonNode? node) => node?.ToJsonString() ?? "undefined";

    public static Guid ParseId(string raw, string name)
    {
        if (Guid.TryParseExact(raw, "D", out var id) || Guid.TryParseExact(raw, "N", out id))
        {
            return id;
        }

        throw NotionException.Validation($"path failed validation: path.{name} should be a valid uuid, instead was `\"{raw}\"`.");
    }

    public static string? OptionalString(JsonObject body, string name, string path = "body") =>
        body[name] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var other => throw Invalid($"{path}.{name}", "a string", other),
        };

    public static bool? OptionalBool(JsonObject body, string name, string path = "body") =>
        body[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            var other => throw Invalid($"{path}.{name}", "a boolean", other),
        };

    public static double? OptionalNumber(JsonObject body, string name, string path = "body") =>
        body[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number => value.GetValue<double>(),
            var other => throw Invalid($"{path}.{name}", "a number", other),
        };

    public static JsonObject? OptionalObject(JsonObject body, string name, string path = "body") =>
        body[name] switch
        {
            null => null,
            JsonObject value => value,
            var other => throw Invalid($"{path}.{name}", "an object", other),
        };

    public static JsonArray? OptionalArray(JsonObject body, string name, string path = "body") =>
        body[name] switch
        {
            null => null,
            JsonArray value => value,
            var other => throw Invalid($"{path}.{name}", "an array", other),
        };

    public static int PageSize(JsonObject body) =>
        body["page_size"] switch
        {
            null => MaxPageSize,
            JsonValue value when value.GetValueKind() == JsonValueKind.Number
                && value.TryGetValue<int>(out var size) && size is >= 1 and <= MaxPageSize => size,
            var other => throw Invalid("body.page_size", $"a number between 1 and {MaxPageSize}", other),
        };

    public static int PageSize(HttpRequest request)
    {
        var raw = request.Query["page_size"].ToString();
        if (raw.Length == 0)
        {
            return MaxPageSize;
        }

        return int.TryParse(raw, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw NotionException.Validation(
                $"query failed validation: query.page_size should be a number between 1 and {MaxPageSize}, instead was `\"{raw}\"`.");
    }

    private static void CheckArrayLengths(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonArray array:
                if (array.Count > MaxArrayLength)
                {
                    throw NotionException.Validation(
                        $"body failed validation: {path}.length should be ≤ `{MaxArrayLength}`, instead was `{array.Count}`.");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        CheckArrayLengths(item, $"{path}[{i}]");
                    }
                }

                break;
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        CheckArrayLengths(value, $"{path}.{key}");
                    }
                }

                break;
        }
    }
}
