using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations
{
    /// <summary>
    /// A cell in a JSON backup, with its type kept (about Export-NotionDatabase's help, "The JSON format"):
    /// text as a string, a number as a number, a checkbox as true or false, options and relations as arrays of
    /// names and page IDs, people as objects with id, name and email, a date as Notion's {start, end, time_zone},
    /// files as {name, url} and, when -IncludeFiles saved the file, path (relative to the backup file). And back, as
    /// the plain values a row is written from: a saved file that is still there as the file to upload, else its URL.
    /// </summary>
    internal static class BackupCells
    {
        /// <param name="value">The cell as the row holds it (values past 25 already fetched).</param>
        /// <param name="cell">The page's property, for what the plain value leaves out (a date's time zone, a file's name).</param>
        /// <param name="savedFiles">Where the row's files were saved, if they were.</param>
        public static void Write(Utf8JsonWriter writer, string type, object? value, JsonProperty cell, SavedFilePaths savedFiles)
        {
            var property = cell.Value;
            switch (type)
            {
                case "date" when property.TryGetProperty("date", out var date) && date.ValueKind == JsonValueKind.Object:
                    writer.WriteStartObject();
                    writer.WriteString("start", JsonRead.String(date, "start"));
                    writer.WriteString("end", JsonRead.String(date, "end"));
                    writer.WriteString("time_zone", JsonRead.String(date, "time_zone"));
                    writer.WriteEndObject();
                    return;
                case "files" when property.TryGetProperty("files", out var files) && files.ValueKind == JsonValueKind.Array:
                    writer.WriteStartArray();
                    var index = 0;
                    foreach (var file in files.EnumerateArray())
                    {
                        var kind = JsonRead.String(file, "type");
                        writer.WriteStartObject();
                        writer.WriteString("name", JsonRead.String(file, "name"));
                        writer.WriteString("url", kind != null && file.TryGetProperty(kind, out var inner) ? JsonRead.String(inner, "url") : null);
                        if (savedFiles.Of(cell.Name, index++) is string path)
                        {
                            writer.WriteString("path", path);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    return;
                default:
                    WriteValue(writer, value);
                    return;
            }
        }

        /// <summary>A cell of a backup as the plain value a column of <paramref name="type"/> is written from (see PropertyWriter).</summary>
        /// <param name="savedFile">A file's recorded path and URL to the saved file to upload, null when it is not there or not allowed; not given to take the files' URLs.</param>
        public static object? ToInput(string type, JsonElement cell, Func<string?, string?, string?>? savedFile = null)
        {
            if (cell.ValueKind == JsonValueKind.Null || cell.ValueKind == JsonValueKind.Undefined)
            {
                return null;
            }

            switch (type)
            {
                case "date" when cell.ValueKind == JsonValueKind.Object:
                    var start = JsonRead.String(cell, "start");
                    return start == null
                        ? null
                        : new OrderedDictionary { ["Start"] = start, ["End"] = JsonRead.String(cell, "end"), ["TimeZone"] = JsonRead.String(cell, "time_zone") };
                case "people" when cell.ValueKind == JsonValueKind.Array:
                    // By ID, so the same people are found in the same workspace; by e-mail address where the ID is missing.
                    return Items(cell, item => JsonRead.String(item, "id") ?? JsonRead.String(item, "email"));
                case "files" when cell.ValueKind == JsonValueKind.Array:
                    // A saved file that is still there is uploaded from it: the URL Notion signed expires within the hour.
                    return Items(cell, item => savedFile?.Invoke(JsonRead.String(item, "path"), JsonRead.String(item, "url")) is string saved
                        ? new FileInfo(saved)
                        : (object?)JsonRead.String(item, "url"));
                default:
                    return cell.ValueKind == JsonValueKind.Array ? Items(cell, item => null) : PlainValues.FromJson(cell);
            }
        }

        /// <summary>An array's items: strings as they are, objects through <paramref name="fromObject"/>.</summary>
        private static List<object> Items(JsonElement array, Func<JsonElement, object?> fromObject) =>
            array.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.Object ? fromObject(item) : (object?)PlainValues.FromJson(item))
                .Where(item => item != null)
                .Select(item => item!)
                .ToList();

        private static void WriteValue(Utf8JsonWriter writer, object? value)
        {
            switch (value)
            {
                case null:
                    writer.WriteNullValue();
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                case bool flag:
                    writer.WriteBooleanValue(flag);
                    break;
                case double number:
                    writer.WriteNumberValue(number);
                    break;
                case DateTime time:
                    writer.WriteStringValue(PlainValues.FormatDate(time));
                    break;
                case NotionDateRange range:
                    writer.WriteStartObject();
                    writer.WriteString("start", PlainValues.FormatDate(range.Start));
                    writer.WriteString("end", range.End == null ? null : PlainValues.FormatDate(range.End.Value));
                    writer.WriteString("time_zone", range.TimeZone);
                    writer.WriteEndObject();
                    break;
                case NotionUser person:
                    writer.WriteStartObject();
                    writer.WriteString("id", person.Id);
                    writer.WriteString("name", person.Name);
                    writer.WriteString("email", person.Email);
                    writer.WriteEndObject();
                    break;
                case IDictionary dictionary:
                    writer.WriteStartObject();
                    foreach (DictionaryEntry entry in dictionary)
                    {
                        writer.WritePropertyName(PlainValues.ToInvariantString(entry.Key));
                        WriteValue(writer, entry.Value);
                    }

                    writer.WriteEndObject();
                    break;
                case IEnumerable items:
                    writer.WriteStartArray();
                    foreach (var item in items)
                    {
                        WriteValue(writer, item);
                    }

                    writer.WriteEndArray();
                    break;
                case IFormattable formattable when PlainValues.IsNumber(formattable):
                    writer.WriteNumberValue(Convert.ToDouble(formattable, CultureInfo.InvariantCulture));
                    break;
                default:
                    writer.WriteStringValue(PlainValues.ToInvariantString(value));
                    break;
            }
        }
    }
}
