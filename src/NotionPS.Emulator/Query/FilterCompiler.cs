using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Emulator.Behaviour;
using NotionPS.Emulator.Endpoints;
using NotionPS.Emulator.Workspace;

namespace NotionPS.Emulator.Query;

/// <summary>
/// Compiles a data source query's <c>filter</c> into a predicate, validating it first so a bad filter is a 400
/// even when no row would reach it. Supports and/or, timestamp filters, and property filters on title, rich_text,
/// url, email, phone_number, number, checkbox, select, status, multi_select, date, people and relation.
/// </summary>
public sealed class FilterCompiler(DataSource dataSource)
{
    private static readonly Dictionary<string, string[]> FilterKeysByType = new()
    {
        ["title"] = ["title", "rich_text"],
        ["rich_text"] = ["rich_text", "title"],
        ["url"] = ["url", "rich_text"],
        ["email"] = ["email", "rich_text"],
        ["phone_number"] = ["phone_number", "rich_text"],
        ["number"] = ["number"],
        ["checkbox"] = ["checkbox"],
        ["select"] = ["select"],
        ["status"] = ["status"],
        ["multi_select"] = ["multi_select"],
        ["date"] = ["date"],
        ["created_time"] = ["created_time", "date"],
        ["last_edited_time"] = ["last_edited_time", "date"],
        ["people"] = ["people"],
        ["relation"] = ["relation"],
    };

    public Func<Page, bool> Compile(JsonObject filter, string path = "body.filter")
    {
        foreach (var compound in (string[])["and", "or"])
        {
            if (filter.ContainsKey(compound))
            {
                var parts = RequestJson.OptionalArray(filter, compound, path) ?? [];
                var predicates = parts.Select((part, i) => part is JsonObject item
                    ? Compile(item, $"{path}.{compound}[{i}]")
                    : throw RequestJson.Invalid($"{path}.{compound}[{i}]", "an object", part)).ToList();
                return compound == "and"
                    ? page => predicates.All(p => p(page))
                    : page => predicates.Any(p => p(page));
            }
        }

        if (RequestJson.OptionalString(filter, "timestamp", path) is { } timestamp)
        {
            Func<Page, DateTimeOffset> read = timestamp switch
            {
                "created_time" => p => p.CreatedTime,
                "last_edited_time" => p => p.LastEditedTime,
                _ => throw RequestJson.Invalid($"{path}.timestamp", "`\"created_time\"` or `\"last_edited_time\"`", filter["timestamp"]),
            };
            var condition = Condition(filter, timestamp, path);
            var test = DateTest(condition, $"{path}.{timestamp}");
            return page => test(read(page));
        }

        var propertyName = RequestJson.OptionalString(filter, "property", path)
            ?? throw RequestJson.Invalid($"{path}.property", "defined (or use and, or, timestamp)", null);
        var property = dataSource.FindProperty(propertyName)
            ?? throw NotionException.Validation($"Could not find property with name or id: {propertyName}");
        var allowed = FilterKeysByType.GetValueOrDefault(property.Type)
            ?? throw NotionException.Validation($"The emulator cannot filter on properties of type {property.Type} ({propertyName}).");
        var key = allowed.FirstOrDefault(filter.ContainsKey)
            ?? throw NotionException.Validation(
                $"body failed validation: {path} for property \"{propertyName}\" of type {property.Type} should have one of: {string.Join(", ", allowed)}.");
        return PropertyPredicate(property, Condition(filter, key, path), $"{path}.{key}");
    }

    private static JsonObject Condition(JsonObject filter, string key, string path)
    {
        var condition = RequestJson.OptionalObject(filter, key, path)
            ?? throw RequestJson.Invalid($"{path}.{key}", "an object with one condition", null);
        if (condition.Count != 1)
        {
            throw RequestJson.Invalid($"{path}.{key}", "an object with exactly one condition", condition);
        }

        return condition;
    }

    private static Func<Page, bool> PropertyPredicate(PropertySchema property, JsonObject condition, string path)
    {
        var id = property.Id;
        switch (property.Type)
        {
            case "title" or "rich_text":
                var textTest = TextTest(condition, path);
                return page => textTest(RichText.PlainText(page.Values.GetValueOrDefault(id)));
            case "url" or "email" or "phone_number":
                var stringTest = TextTest(condition, path);
                return page => stringTest(page.Values.GetValueOrDefault(id)?.GetValue<string>() ?? "");
            case "number":
                var numberTest = NumberTest(condition, path);
                return page => numberTest(page.Values.GetValueOrDefault(id)?.GetValue<double>());
            case "checkbox":
                var (checkboxOperator, checkboxOperand) = condition.First();
                var expected = checkboxOperand?.GetValueKind() is JsonValueKind.True or JsonValueKind.False
                    ? checkboxOperand.GetValue<bool>()
                    : throw RequestJson.Invalid($"{path}.{checkboxOperator}", "a boolean", checkboxOperand);
                return checkboxOperator switch
                {
                    "equals" => page => (page.Values.GetValueOrDefault(id)?.GetValue<bool>() ?? false) == expected,
                    "does_not_equal" => page => (page.Values.GetValueOrDefault(id)?.GetValue<bool>() ?? false) != expected,
                    _ => throw UnknownOperator(path, checkboxOperator, "equals, does_not_equal"),
                };
            case "select" or "status":
                var optionTest = OptionTest(condition, path);
                return page => optionTest(page.Values.GetValueOrDefault(id)?["name"]?.GetValue<string>());
            case "multi_select":
                var namesTest = ContainsTest(condition, path, text => text);
                return page => namesTest(ObjectRenderer.ItemsOf(page.Values.GetValueOrDefault(id)).Select(o => o["name"]!.GetValue<string>()));
            case "people" or "relation":
                var idsTest = ContainsTest(condition, path, text => Guid.TryParse(text, out var parsed)
                    ? parsed.ToString()
                    : throw RequestJson.Invalid(path, "a UUID", JsonValue.Create(text)));
                return page => idsTest(ObjectRenderer.ItemsOf(page.Values.GetValueOrDefault(id)).Select(v => v.GetValue<string>()));
            case "created_time":
                var createdTest = DateTest(condition, path);
                return page => createdTest(page.CreatedTime);
            case "last_edited_time":
                var editedTest = DateTest(condition, path);
                return page => editedTest(page.LastEditedTime);
            default:
                var dateTest = DateTest(condition, path);
                return page => page.Values.GetValueOrDefault(id)?["start"]?.GetValue<string>() is { } start
                    ? dateTest(ParseDate(start))
                    : dateTest(null);
        }
    }

    private static Func<string, bool> TextTest(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        if (op is "is_empty" or "is_not_empty")
        {
            return op == "is_empty" ? text => text.Length == 0 : text => text.Length > 0;
        }

        var value = operand is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw RequestJson.Invalid($"{path}.{op}", "a string", operand);
        return op switch
        {
            "equals" => text => text == value,
            "does_not_equal" => text => text != value,
            "contains" => text => text.Contains(value, StringComparison.OrdinalIgnoreCase),
            "does_not_contain" => text => !text.Contains(value, StringComparison.OrdinalIgnoreCase),
            "starts_with" => text => text.StartsWith(value, StringComparison.OrdinalIgnoreCase),
            "ends_with" => text => text.EndsWith(value, StringComparison.OrdinalIgnoreCase),
            _ => throw UnknownOperator(path, op, "equals, does_not_equal, contains, does_not_contain, starts_with, ends_with, is_empty, is_not_empty"),
        };
    }

    private static Func<double?, bool> NumberTest(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        if (op is "is_empty" or "is_not_empty")
        {
            return op == "is_empty" ? n => n is null : n => n is not null;
        }

        var value = operand?.GetValueKind() == JsonValueKind.Number ? operand.GetValue<double>() : throw RequestJson.Invalid($"{path}.{op}", "a number", operand);
        return op switch
        {
            "equals" => n => n == value,
            "does_not_equal" => n => n != value,
            "greater_than" => n => n > value,
            "less_than" => n => n < value,
            "greater_than_or_equal_to" => n => n >= value,
            "less_than_or_equal_to" => n => n <= value,
            _ => throw UnknownOperator(path, op, "equals, does_not_equal, greater_than, less_than, greater_than_or_equal_to, less_than_or_equal_to, is_empty, is_not_empty"),
        };
    }

    private static Func<string?, bool> OptionTest(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        if (op is "is_empty" or "is_not_empty")
        {
            return op == "is_empty" ? name => name is null : name => name is not null;
        }

        var value = operand is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw RequestJson.Invalid($"{path}.{op}", "a string", operand);
        return op switch
        {
            "equals" => name => name == value,
            "does_not_equal" => name => name != value,
            _ => throw UnknownOperator(path, op, "equals, does_not_equal, is_empty, is_not_empty"),
        };
    }

    private static Func<IEnumerable<string>, bool> ContainsTest(JsonObject condition, string path, Func<string, string> normalise)
    {
        var (op, operand) = condition.First();
        if (op is "is_empty" or "is_not_empty")
        {
            return op == "is_empty" ? items => !items.Any() : items => items.Any();
        }

        var value = operand is JsonValue v && v.TryGetValue<string>(out var s) ? normalise(s) : throw RequestJson.Invalid($"{path}.{op}", "a string", operand);
        return op switch
        {
            "contains" => items => items.Contains(value),
            "does_not_contain" => items => !items.Contains(value),
            _ => throw UnknownOperator(path, op, "contains, does_not_contain, is_empty, is_not_empty"),
        };
    }

    /// <summary>Date conditions; a date-only operand compares calendar days, a date-time compares instants.</summary>
    private static Func<DateTimeOffset?, bool> DateTest(JsonObject condition, string path)
    {
        var (op, operand) = condition.First();
        if (op is "is_empty" or "is_not_empty")
        {
            return op == "is_empty" ? d => d is null : d => d is not null;
        }

        var text = operand is JsonValue v && v.TryGetValue<string>(out var s) && PropertyWriter.IsIsoDate(s)
            ? s
            : throw RequestJson.Invalid($"{path}.{op}", "an ISO 8601 date or date-time", operand);
        var dayOnly = DateOnly.TryParseExact(text, "yyyy-MM-dd", out _);
        var target = ParseDate(text);
        Func<DateTimeOffset, DateTimeOffset> comparable = dayOnly ? d => new DateTimeOffset(d.UtcDateTime.Date, TimeSpan.Zero) : d => d;
        return op switch
        {
            "equals" => d => d is { } x && comparable(x) == target,
            "before" => d => d is { } x && comparable(x) < target,
            "after" => d => d is { } x && comparable(x) > target,
            "on_or_before" => d => d is { } x && comparable(x) <= target,
            "on_or_after" => d => d is { } x && comparable(x) >= target,
            _ => throw UnknownOperator(path, op, "equals, before, after, on_or_before, on_or_after, is_empty, is_not_empty"),
        };
    }

    public static DateTimeOffset ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", out var day)
            ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
            : DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static NotionException UnknownOperator(string path, string op, string known) =>
        NotionException.Validation($"body failed validation: {path}.{op} is not a known condition; use one of {known}.");
}
