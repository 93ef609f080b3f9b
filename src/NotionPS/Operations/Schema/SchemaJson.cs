using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations.Schema
{
    /// <summary>Columns to and from Notion's JSON: a data source's <c>properties</c>, and one column's configuration in a request.</summary>
    internal static class SchemaJson
    {
        /// <summary>The schema of a data source (under 2022-06-28, of a database) as Notion answers it.</summary>
        public static NotionDatabaseSchema Read(JsonElement source)
        {
            var id = JsonRead.String(source, "id") ?? string.Empty;
            var databaseId = JsonRead.String(source, "object") == "data_source"
                ? JsonRead.String(JsonRead.Object(source, "parent") ?? default, "database_id") ?? string.Empty
                : id;
            var title = JsonRead.String(source, "name") ?? JsonRead.PlainText(JsonRead.Array(source, "title"));
            var columns = JsonRead.Object(source, "properties")?.EnumerateObject().Select(property => ReadColumn(property.Name, property.Value)).ToList() ?? new List<NotionSchemaColumn>();
            var rowNames = ColumnNames.OutputNames(columns.Select(column => column.Name).ToList());
            for (var i = 0; i < columns.Count; i++)
            {
                columns[i].RowPropertyName = rowNames[i];
            }

            return new NotionDatabaseSchema(databaseId, id, title, columns);
        }

        /// <summary>One column from its property object as Notion answers it (also as a JSON backup keeps it, its definition).</summary>
        public static NotionSchemaColumn ReadColumn(string name, JsonElement definition)
        {
            var type = JsonRead.String(definition, "type") ?? string.Empty;
            var settings = JsonRead.Object(definition, type) ?? default;
            var column = new NotionSchemaColumn
            {
                Name = JsonRead.String(definition, "name") ?? name,
                Id = JsonRead.String(definition, "id"),
                Type = type,
            };
            switch (type)
            {
                case "select":
                case "multi_select":
                case "status":
                    column.Options = JsonRead.Array(settings, "options")?.EnumerateArray()
                        .Select(option => new NotionSchemaOption(JsonRead.String(option, "name") ?? string.Empty, JsonRead.String(option, "color"), JsonRead.String(option, "id")))
                        .ToArray() ?? new NotionSchemaOption[0];
                    break;
                case "number":
                    column.NumberFormat = JsonRead.String(settings, "format");
                    break;
                case "formula":
                    column.Expression = JsonRead.String(settings, "expression");
                    break;
                case "relation":
                    column.RelationDataSourceId = JsonRead.String(settings, "data_source_id");
                    column.RelationDatabaseId = JsonRead.String(settings, "database_id");
                    column.RelationType = JsonRead.String(settings, "type");
                    break;
                case "rollup":
                    column.RollupRelation = JsonRead.String(settings, "relation_property_name");
                    column.RollupProperty = JsonRead.String(settings, "rollup_property_name");
                    column.RollupFunction = JsonRead.String(settings, "function");
                    break;
                case "unique_id":
                    column.Prefix = JsonRead.String(settings, "prefix");
                    break;
            }

            return column;
        }

        /// <summary>
        /// A column's configuration for a create or a type change, <c>{ "&lt;type&gt;": { ... } }</c>: options as new
        /// ones (name and color), a relation by data source (under 2022-06-28, by database).
        /// </summary>
        /// <exception cref="SchemaException">A formula, relation or rollup without the settings Notion needs.</exception>
        public static JsonObject Configuration(NotionSchemaColumn column, string apiVersion)
        {
            var settings = new JsonObject();
            switch (column.Type)
            {
                case "select":
                case "multi_select":
                case "status":
                    if (column.Options != null)
                    {
                        settings["options"] = new JsonArray(column.Options.Select(option => (JsonNode)NewOption(column.Name, option)).ToArray());
                    }

                    break;
                case "number":
                    SetIfGiven(settings, "format", column.NumberFormat);
                    break;
                case "formula":
                    settings["expression"] = Required(column, column.Expression, "Expression");
                    break;
                case "relation":
                    var (key, target) = RelationTarget(column, apiVersion);
                    var kind = column.RelationType ?? "single_property";
                    settings[key] = target;
                    settings["type"] = kind;
                    settings[kind] = new JsonObject();
                    break;
                case "rollup":
                    settings["relation_property_name"] = Required(column, column.RollupRelation, "RollupRelation");
                    settings["rollup_property_name"] = Required(column, column.RollupProperty, "RollupProperty");
                    settings["function"] = Required(column, column.RollupFunction, "RollupFunction");
                    break;
                case "unique_id":
                    SetIfGiven(settings, "prefix", column.Prefix);
                    break;
            }

            return new JsonObject { [column.Type] = settings };
        }

        /// <summary>Where a relation points in a request: its data source (under 2022-06-28 its database), else what is known.</summary>
        public static (string Key, string Id) RelationTarget(NotionSchemaColumn column, string apiVersion)
        {
            var preferDatabase = !ApiVersion.HasDataSources(apiVersion);
            var database = column.RelationDatabaseId;
            var dataSource = column.RelationDataSourceId;
            if (database == null && dataSource == null)
            {
                throw SchemaException.Invalid($"Relation column '{column.Name}' names no data source to point at; give RelationDataSourceId.");
            }

            return (preferDatabase && database != null) || dataSource == null ? ("database_id", database!) : ("data_source_id", dataSource);
        }

        /// <summary>A new option of <paramref name="column"/> in a request: its name, and its color when given.</summary>
        /// <exception cref="SchemaException">A name Notion refuses (<see cref="CheckedOptionName"/>).</exception>
        public static JsonObject NewOption(string column, NotionSchemaOption option)
        {
            var json = new JsonObject { ["name"] = CheckedOptionName(column, option.Name) };
            SetIfGiven(json, "color", option.Color);
            return json;
        }

        /// <summary>
        /// An option name to send, refused before any request when Notion would refuse it: its property reference says commas
        /// are not valid in option names (the request fails with "Invalid select option, commas not allowed").
        /// </summary>
        /// <exception cref="SchemaException">The name has a comma.</exception>
        public static string CheckedOptionName(string column, string name) =>
            name.Contains(",")
                ? throw SchemaException.Invalid($"Option '{ServerText.Visible(name)}' of column '{ServerText.Visible(column)}' has a comma, which Notion does not allow in an option name. Name it without one (such as with ';' or ' / ' in its place); to give several options, give each as its own item.")
                : name;

        private static void SetIfGiven(JsonObject json, string key, string? value)
        {
            if (value != null)
            {
                json[key] = value;
            }
        }

        private static string Required(NotionSchemaColumn column, string? value, string setting) =>
            value ?? throw SchemaException.Invalid($"{char.ToUpperInvariant(column.Type[0])}{column.Type.Substring(1)} column '{column.Name}' has no {setting}; Notion needs it to make the column.");
    }
}
