using System.Text.Json.Nodes;

namespace NotionPS.Benchmarks;

/// <summary>
/// The benchmark's data source: a title and seven common column types, so reading costs what a real
/// table costs (not a title alone). Rows are in the emulator's seed format.
/// </summary>
internal static class SeedRows
{
    private static readonly DateTime FirstCreated = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Statuses = ["Todo", "Doing", "Done"];
    private static readonly string[] Tags = ["red", "green", "blue"];

    public static JsonObject Schema() => new()
    {
        ["Name"] = new JsonObject { ["type"] = "title" },
        ["Seq"] = new JsonObject { ["type"] = "number", ["format"] = "number" },
        ["Status"] = new JsonObject { ["type"] = "select", ["options"] = Options(Statuses) },
        ["Tags"] = new JsonObject { ["type"] = "multi_select", ["options"] = Options(Tags) },
        ["Due"] = new JsonObject { ["type"] = "date" },
        ["Done"] = new JsonObject { ["type"] = "checkbox" },
        ["Notes"] = new JsonObject { ["type"] = "rich_text" },
        ["Link"] = new JsonObject { ["type"] = "url" },
    };

    /// <summary>Rows <paramref name="first"/> .. first+count-1, created a second apart so no minute holds more than 60.</summary>
    public static JsonArray Rows(int first, int count)
    {
        var rows = new JsonArray();
        for (var seq = first; seq < first + count; seq++)
        {
            rows.Add(new JsonObject
            {
                ["createdTime"] = FirstCreated.AddSeconds(seq).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
                ["properties"] = new JsonObject
                {
                    ["Name"] = $"Row {seq}",
                    ["Seq"] = seq,
                    ["Status"] = Statuses[seq % Statuses.Length],
                    ["Tags"] = new JsonArray(Tags[seq % Tags.Length], Tags[(seq + 1) % Tags.Length]),
                    ["Due"] = FirstCreated.AddDays(seq % 365).ToString("yyyy-MM-dd"),
                    ["Done"] = seq % 2 == 0,
                    ["Notes"] = $"Benchmark row {seq}: a line of plain text as a note would hold.",
                    ["Link"] = $"https://example.com/items/{seq}",
                },
            });
        }

        return rows;
    }

    private static JsonArray Options(IEnumerable<string> names) => new(names.Select(name => (JsonNode)new JsonObject { ["name"] = name }).ToArray());
}
