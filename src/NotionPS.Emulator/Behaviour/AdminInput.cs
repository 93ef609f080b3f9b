using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Behaviour;

/// <summary>
/// Reads the settings of admin bodies (faults, rate limit, clock): an unknown key or a value out of its range is an
/// <see cref="ArgumentException"/> that names the key, the range and the value, which the admin API answers with 400.
/// </summary>
public static class AdminInput
{
    /// <summary>Refuses keys the body does not take, so a typo (<c>stallms</c>) is not silently a default.</summary>
    public static void AllowOnly(JsonObject body, params string[] keys)
    {
        if (body.Select(p => p.Key).FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
        {
            throw new ArgumentException($"Unknown setting \"{unknown}\"; this body takes {string.Join(", ", keys)}.");
        }
    }

    /// <summary>A number from <paramref name="min"/> to <paramref name="max"/>, or null when the key is absent.</summary>
    public static double? Number(JsonObject body, string name, double min, double max) => Read(body, name, min, max, "a number");

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, or null when the key is absent.</summary>
    public static int? WholeNumber(JsonObject body, string name, int min, int max)
    {
        var number = Read(body, name, min, max, "a whole number");
        return number is null || number == Math.Floor(number.Value)
            ? (int?)number
            : throw OutOfRange(name, "a whole number", min, max, body[name]);
    }

    public static string? Text(JsonObject body, string name) => body[name] switch
    {
        null => null,
        JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
        var other => throw new ArgumentException($"{name} must be a string, not {other.ToJsonString()}."),
    };

    private static double? Read(JsonObject body, string name, double min, double max, string kind)
    {
        var node = body[name];
        if (node is null)
        {
            return null;
        }

        return node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            && value.GetValue<double>() is var number && number >= min && number <= max
            ? number
            : throw OutOfRange(name, kind, min, max, node);
    }

    private static ArgumentException OutOfRange(string name, string kind, double min, double max, JsonNode? actual) => new(
        string.Create(CultureInfo.InvariantCulture, $"{name} must be {kind} from {min} to {max}, not {actual?.ToJsonString()}."));
}
