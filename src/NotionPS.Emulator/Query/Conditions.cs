using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// The conditions of Notion's filter reference (text, number, checkbox, select and status, multi-select, date
/// with the relative ones, people, relation, files, formula by result type, rollup), each compiled into a test of
/// a stored value. Relative dates ("past_week", "today", ...) are measured from <paramref name="now"/> in UTC;
/// "me" in a people condition is the calling integration's bot.
/// </summary>
public sealed class Conditions(DateTimeOffset now, Guid me)
{
    private static readonly string[] TextOperators =
        ["equals", "does_not_equal", "contains", "does_not_contain", "starts_with", "ends_with", "is_empty", "is_not_empty"];

    private static readonly string[] NumberOperators =
        ["equals", "does_not_equal", "greater_than", "less_than", "greater_than_or_equal_to", "less_than_or_equal_to", "is_empty", "is_not_empty"];

    private static readonly string[] CheckboxOperators = ["equals", "does_not_equal"];
    private static readonly string[] OptionOperators = ["equals", "does_not_equal", "is_empty", "is_not_empty"];
    private static readonly string[] ContainsOperators = ["contains", "does_not_contain", "is_empty", "is_not_empty"];
    private static readonly string[] ExistenceOperators = ["is_empty", "is_not_empty"];

    private static readonly string[] DateOperators =
    [
        "equals", "before", "after", "on_or_before", "on_or_after", "this_week", "past_week", "past_month", "past_year",
        "next_week", "next_month", "next_year", "is_empty", "is_not_empty",
    ];

    private static readonly string[] FormulaKeys = ["string", "checkbox", "number", "date"];
    private static readonly string[] RollupKeys = ["any", "every", "none", "number", "date"];

    private static readonly string[] RollupItemKeys =
        ["rich_text", "number", "checkbox", "select", "multi_select", "relation", "date", "people", "files", "status"];

    private DateOnly Today => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The one condition under <paramref name="key"/>, e.g. <c>{"contains": "x"}</c>.</summary>
    public static JsonObject Single(JsonObject filter, string key, string path)
    {
        var condition = RequestJson.OptionalObject(filter, key, path)
            ?? throw RequestJson.Invalid($"{path}.{key}", "an object", filter[key]);
        if (condition.Count != 1)
        {
            throw RequestJson.Invalid($"{path}.{key}", "an object with exactly one condition", condition);
        }

        return condition;
    }

    /// <summary>A condition on a stored property value of the given type.</summary>
    public Func<JsonNode?, bool> ForValue(string type, JsonObject condition, string path)
    {
        switch (type)
        {
            case "title" or "rich_text":
                var richTextTest = Text(condition, path);
                return value => richTextTest(RichText.PlainText(value));
            case "url" or "email" or "phone_number" or "string":
                var textTest = Text(condition, path);
                return value => textTest(value?.GetValue<string>() ?? "");
            case "number":
                var numberTest = Number(condition, path);
                return value => numberTest(value?.GetValue<double>());
            case "unique_id":
                var idNumberTest = Number(condition, path);
                return value => idNumberTest(value?["number"]?.GetValue<double>());
            case "checkbox":
                var checkboxTest = Checkbox(condition, path);
                return value => checkboxTest(value?.GetValue<bool>() ?? false);
            case "select" or "status":
                var optionTest = Option(condition, path);
                return value => optionTest(value?["name"]?.GetValue<string>());
            case "multi_select":
                var namesTest = Contains(condition, path, ContainsOperators, StringOrStrings);
                return value => namesTest(ObjectRenderer.ItemsOf(value).Select(o => o["name"]?.GetValue<string>() ?? "").ToList());
            case "date":
                var dateTest = Date(condition, path);
                return value => dateTest(value?["start"]?.GetValue<string>() is { } start ? ParseDate(start) : null);
            case "people":
                var peopleTest = People(condition, path);
                return value => peopleTest(IdsOf(value));
            case "relation":
                var relationTest = Contains(condition, path, ContainsOperators, (operand, operandPath) => [ParseUuid(operand, operandPath)]);
                return value => relationTest([.. IdsOf(value).Select(id => id.ToString())]);
            case "files":
                var filesTest = Existence(condition, path, ExistenceOperators);
                return value => filesTest(ObjectRenderer.ItemsOf(value).Any());
            case "formula":
                return Typed(condition, path, FormulaKeys);
            case "rollup":
                return Rollup(condition, path);
            default:
                throw NotionException.Validation($"The emulator cannot filter on properties of type {type}.");
        }
    }

    public Func<IReadOnlyList<Guid>, bool> People(JsonObject condition, string path)
    {
        var test = Contains(condition, path, ContainsOperators, (operand, operandPath) =>
            operand is JsonValue v && v.TryGetValue<string>(out var text) && text == "me" ? [me.ToString()] : [ParseUuid(operand, operandPath)]);
        return ids => test([.. ids.Select(id => id.ToString())]);
    }

    /// <summary>Date conditions. A date-only operand (or a relative one) compares calendar days in UTC, a date-time compares instants.</summary>
    public Func<DateTimeOffset?, bool> Date(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        var exists = ExistenceOrNull(condition, path, DateOperators);
        if (exists is not null)
        {
            return date => exists(date is not null);
        }

        if (RelativeRange(op) is { } range)
        {
            if (operand is not JsonObject { Count: 0 })
            {
                throw RequestJson.Invalid($"{path}.{op}", "an empty object", operand);
            }

            var (first, last) = range;
            return date => date is { } d && DateOnly.FromDateTime(d.UtcDateTime) is var day && day >= first && day <= last;
        }

        var (target, dayOnly) = DateOperand(operand, $"{path}.{op}");
        Func<DateTimeOffset, DateTimeOffset> comparable = dayOnly ? d => new DateTimeOffset(d.UtcDateTime.Date, TimeSpan.Zero) : d => d;
        return op switch
        {
            "equals" => d => d is { } x && comparable(x) == target,
            "before" => d => d is { } x && comparable(x) < target,
            "after" => d => d is { } x && comparable(x) > target,
            "on_or_before" => d => d is { } x && comparable(x) <= target,
            "on_or_after" => d => d is { } x && comparable(x) >= target,
            _ => throw RequestJson.FixOne(path, DateOperators),
        };
    }

    public static DateTimeOffset ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The days a relative condition covers, today included; weeks start on Sunday, as Notion's default.</summary>
    private (DateOnly First, DateOnly Last)? RelativeRange(string op)
    {
        var today = Today;
        return op switch
        {
            "this_week" => (today.AddDays(-(int)today.DayOfWeek), today.AddDays(6 - (int)today.DayOfWeek)),
            "past_week" => (today.AddDays(-7), today),
            "past_month" => (today.AddMonths(-1), today),
            "past_year" => (today.AddYears(-1), today),
            "next_week" => (today, today.AddDays(7)),
            "next_month" => (today, today.AddMonths(1)),
            "next_year" => (today, today.AddYears(1)),
            _ => null,
        };
    }

    /// <summary>An ISO date or date-time, or one of Notion's relative dates ("today", "one_week_ago", ...), which are days.</summary>
    private (DateTimeOffset Target, bool DayOnly) DateOperand(JsonNode? operand, string path)
    {
        var text = operand is JsonValue v && v.TryGetValue<string>(out var s)
            ? s
            : throw RequestJson.Invalid(path, "an ISO 8601 date or date-time, or a relative date", operand);
        DateOnly? relative = text switch
        {
            "today" => Today,
            "tomorrow" => Today.AddDays(1),
            "yesterday" => Today.AddDays(-1),
            "one_week_ago" => Today.AddDays(-7),
            "one_week_from_now" => Today.AddDays(7),
            "one_month_ago" => Today.AddMonths(-1),
            "one_month_from_now" => Today.AddMonths(1),
            _ => null,
        };
        if (relative is { } day)
        {
            return (new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), true);
        }

        return PropertyWriter.IsIsoDate(text)
            ? (ParseDate(text), DateOnly.TryParseExact(text, "yyyy-MM-dd", out _))
            : throw RequestJson.Invalid(path, "an ISO 8601 date or date-time, or a relative date", operand);
    }

    private static Func<string, bool> Text(JsonObject condition, string path)
    {
        var exists = ExistenceOrNull(condition, path, TextOperators);
        if (exists is not null)
        {
            return text => exists(text.Length > 0);
        }

        var (op, operand) = condition.First();
        var value = operand is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw RequestJson.Invalid($"{path}.{op}", "a string", operand);
        return op switch
        {
            "equals" => text => text == value,
            "does_not_equal" => text => text != value,
            "contains" => text => text.Contains(value, StringComparison.OrdinalIgnoreCase),
            "does_not_contain" => text => !text.Contains(value, StringComparison.OrdinalIgnoreCase),
            "starts_with" => text => text.StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "ends_with" => text => text.EndsWith(value, StringComparison.OrdinalIgnoreCase),
            _ => throw RequestJson.FixOne(path, TextOperators),
        };
    }

    private static Func<double?, bool> Number(JsonObject condition, string path)
    {
        var exists = ExistenceOrNull(condition, path, NumberOperators);
        if (exists is not null)
        {
            return n => exists(n is not null);
        }

        var (op, operand) = condition.First();
        var value = operand?.GetValueKind() == JsonValueKind.Number ? operand.GetValue<double>() : throw RequestJson.Invalid($"{path}.{op}", "a number", operand);
        return op switch
        {
            "equals" => n => n == value,
            "does_not_equal" => n => n != value,
            "greater_than" => n => n > value,
            "less_than" => n => n < value,
            "greater_than_or_equal_to" => n => n >= value,
            "less_than_or_equal_to" => n => n <= value,
            _ => throw RequestJson.FixOne(path, NumberOperators),
        };
    }

    private static Func<bool, bool> Checkbox(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        if (op is not ("equals" or "does_not_equal"))
        {
            throw RequestJson.FixOne(path, CheckboxOperators);
        }

        var expected = operand?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
            ? operand.GetValue<bool>()
            : throw RequestJson.Invalid($"{path}.{op}", "a boolean", operand);
        return op == "equals" ? value => value == expected : value => value != expected;
    }

    /// <summary>Select and status: <c>equals</c> one name (or any of several), <c>does_not_equal</c> it (or all of them).</summary>
    private static Func<string?, bool> Option(JsonObject condition, string path)
    {
        var exists = ExistenceOrNull(condition, path, OptionOperators);
        if (exists is not null)
        {
            return name => exists(name is not null);
        }

        var (op, operand) = condition.First();
        var names = StringOrStrings(operand, $"{path}.{op}");
        return op switch
        {
            "equals" => name => name is not null && names.Contains(name),
            "does_not_equal" => name => name is null || !names.Contains(name),
            _ => throw RequestJson.FixOne(path, OptionOperators),
        };
    }

    /// <summary>contains / does_not_contain on a list of values; an operand list means any of them.</summary>
    private static Func<IReadOnlyList<string>, bool> Contains(JsonObject condition, string path, string[] operators, Func<JsonNode?, string, List<string>> operandValues)
    {
        var exists = ExistenceOrNull(condition, path, operators);
        if (exists is not null)
        {
            return items => exists(items.Count > 0);
        }

        var (op, operand) = condition.First();
        if (op is not ("contains" or "does_not_contain"))
        {
            throw RequestJson.FixOne(path, operators);
        }

        var wanted = operandValues(operand, $"{path}.{op}");
        return op == "contains" ? items => wanted.Any(items.Contains) : items => !wanted.Any(items.Contains);
    }

    /// <summary>
    /// is_empty / is_not_empty (whose value must be <c>true</c>), or null for another operator of
    /// <paramref name="operators"/>; an operator outside that list is Notion's "Fix one" 400.
    /// </summary>
    private static Func<bool, bool>? ExistenceOrNull(JsonObject condition, string path, string[] operators)
    {
        var (op, operand) = condition.First();
        if (!operators.Contains(op))
        {
            throw RequestJson.FixOne(path, operators);
        }

        if (op is not ("is_empty" or "is_not_empty"))
        {
            return null;
        }

        if (operand?.GetValueKind() != JsonValueKind.True)
        {
            throw RequestJson.Invalid($"{path}.{op}", "`true`", operand);
        }

        return op == "is_empty" ? hasValue => !hasValue : hasValue => hasValue;
    }

    private static Func<bool, bool> Existence(JsonObject condition, string path, string[] operators) =>
        ExistenceOrNull(condition, path, operators) ?? throw RequestJson.FixOne(path, operators);

    /// <summary>A formula filter: a condition for its result type; rows whose formula gives another type do not match.</summary>
    private Func<JsonNode?, bool> Typed(JsonObject condition, string path, string[] keys)
    {
        var (key, _) = condition.First();
        if (!keys.Contains(key))
        {
            throw RequestJson.FixOne(path, keys);
        }

        var test = ForValue(key, Single(condition, key, path), $"{path}.{key}");
        var resultType = key == "checkbox" ? "boolean" : key;
        return value => value?["type"]?.GetValue<string>() == resultType && test(value[resultType]);
    }

    /// <summary>A rollup filter: number or date on a computed value, or any / every / none over an array rollup's items.</summary>
    private Func<JsonNode?, bool> Rollup(JsonObject condition, string path)
    {
        var (key, _) = condition.First();
        if (key is "number" or "date")
        {
            return Typed(condition, path, RollupKeys);
        }

        if (!RollupKeys.Contains(key))
        {
            throw RequestJson.FixOne(path, RollupKeys);
        }

        var itemFilter = Single(condition, key, path);
        var (itemKey, _) = itemFilter.First();
        if (!RollupItemKeys.Contains(itemKey))
        {
            throw RequestJson.FixOne($"{path}.{key}", RollupItemKeys);
        }

        var test = ForValue(itemKey, Single(itemFilter, itemKey, $"{path}.{key}"), $"{path}.{key}.{itemKey}");
        bool ItemMatches(JsonNode item) => item["type"]?.GetValue<string>() is { } type && test(item[type]);
        return key switch
        {
            "any" => value => ObjectRenderer.ItemsOf(value?["array"]).Any(ItemMatches),
            "every" => value => ObjectRenderer.ItemsOf(value?["array"]).All(ItemMatches),
            _ => value => !ObjectRenderer.ItemsOf(value?["array"]).Any(ItemMatches),
        };
    }

    private static List<string> StringOrStrings(JsonNode? operand, string path) => operand switch
    {
        JsonValue v when v.TryGetValue<string>(out var one) => [one],
        JsonArray many when many.All(i => i is JsonValue item && item.TryGetValue<string>(out _)) => [.. many.Select(i => i!.GetValue<string>())],
        _ => throw RequestJson.Invalid(path, "a string or an array of strings", operand),
    };

    private static string ParseUuid(JsonNode? operand, string path) =>
        operand is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id)
            ? id.ToString()
            : throw RequestJson.Invalid(path, "a valid uuid", operand);

    /// <summary>IDs of stored people or relation values (ID strings), or of rollup items (objects with an id).</summary>
    private static List<Guid> IdsOf(JsonNode? value) =>
        [.. ObjectRenderer.ItemsOf(value).Select(item => Guid.Parse(item is JsonObject o ? o["id"]!.GetValue<string>() : item.GetValue<string>()))];
}
