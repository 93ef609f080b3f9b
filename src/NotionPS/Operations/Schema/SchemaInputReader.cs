using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Operations.Schema
{
    /// <summary>
    /// Reads columns as a person gives them: a schema object from Get-NotionDatabaseSchema (live, or back from JSON
    /// or CLIXML), or column name = type name or definition, where a definition is in NotionPS's words
    /// (Type, Options, NumberFormat, ...) or in Notion's own JSON shape (<c>{ "select": { "options": [...] } }</c>).
    /// </summary>
    internal static class SchemaInputReader
    {
        /// <summary>Notion's property types, as its API names them.</summary>
        public static readonly string[] KnownTypes =
        {
            "title", "rich_text", "number", "select", "multi_select", "status", "date", "people", "files", "checkbox", "url",
            "email", "phone_number", "formula", "relation", "rollup", "created_time", "created_by", "last_edited_time",
            "last_edited_by", "unique_id", "button", "place", "location", "verification", "last_visited_time",
        };

        /// <summary>Names people use for a type that Notion spells otherwise (the app's "Text" is rich_text).</summary>
        private static readonly Dictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["text"] = "rich_text",
            ["multiselect"] = "multi_select",
            ["phone"] = "phone_number",
            ["person"] = "people",
            ["file"] = "files",
        };

        /// <summary>A schema object: its Columns, and the DataSourceId, DatabaseId and Title it came with.</summary>
        /// <exception cref="SchemaException">A column that cannot be read.</exception>
        public static NotionDatabaseSchema ReadSchema(PlainObject schema)
        {
            var columns = schema.List("Columns")
                ?? throw SchemaException.Invalid("The schema has no Columns. Give the object Get-NotionDatabaseSchema outputs (or it read back from JSON or CLIXML).");
            var read = columns.Select((column, index) => column is PlainObject definition
                ? ReadColumn(definition.Text("Name") ?? throw SchemaException.Invalid($"Column {index + 1} of the schema has no Name."), definition)
                : throw SchemaException.Invalid($"Column {index + 1} of the schema is '{column}', not an object with Name and Type."));
            return new NotionDatabaseSchema(schema.Text("DatabaseId") ?? string.Empty, schema.Text("DataSourceId") ?? string.Empty, schema.Text("Title") ?? string.Empty, read.ToList());
        }

        /// <summary>Columns in order, each named by its key: a type name, or a definition.</summary>
        /// <exception cref="SchemaException">A column that cannot be read.</exception>
        public static IReadOnlyList<NotionSchemaColumn> ReadProperties(PlainObject properties) =>
            properties.Properties.Select(pair => pair.Value switch
            {
                string type => new NotionSchemaColumn { Name = Named(pair.Key), Type = NormalizeType(pair.Key, type) },
                PlainObject definition => ReadColumn(pair.Key, definition),
                _ => throw SchemaException.Invalid($"Column '{pair.Key}' is given as '{pair.Value}'. Give a type name such as 'number', or a definition such as @{{ Type = 'select'; Options = 'a', 'b' }}."),
            }).ToList();

        /// <summary>Notion's name of a type given as Notion, the app or a person spells it ('Multi-select', 'text').</summary>
        public static string NormalizeType(string column, string type)
        {
            var key = type.Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_');
            key = Aliases.TryGetValue(key, out var known) ? known : key;
            return KnownTypes.Contains(key) ? key : throw SchemaException.UnknownType(column, type, KnownTypes);
        }

        /// <summary>A column's name, refused when empty or only white space: Notion refuses such a column only once the request is sent.</summary>
        private static string Named(string name) =>
            name.Trim().Length == 0 ? throw SchemaException.Invalid($"A column's name is empty or only white space ('{name}'); every column needs one.") : name;

        private static NotionSchemaColumn ReadColumn(string name, PlainObject definition)
        {
            Named(name);
            var type = TypeOf(name, definition);
            var settings = definition.Object(type) ?? new PlainObject(Array.Empty<KeyValuePair<string, object?>>());
            var column = new NotionSchemaColumn { Name = name, Id = definition.Text("Id"), Type = type };
            switch (type)
            {
                case "select":
                case "multi_select":
                case "status":
                    column.Options = (definition.List("Options") ?? settings.List("options"))?.SelectMany(option => ReadOptions(name, option)).ToArray();
                    break;
                case "number":
                    column.NumberFormat = definition.Text("NumberFormat", "Format") ?? settings.Text("format");
                    break;
                case "formula":
                    column.Expression = definition.Text("Expression") ?? settings.Text("expression");
                    break;
                case "relation":
                    column.RelationDataSourceId = definition.Text("RelationDataSourceId") ?? settings.Text("data_source_id");
                    column.RelationDatabaseId = definition.Text("RelationDatabaseId") ?? settings.Text("database_id");
                    column.RelationType = definition.Text("RelationType") ?? settings.Text("type") ?? (settings.Has("dual_property") ? "dual_property" : null);
                    break;
                case "rollup":
                    column.RollupRelation = definition.Text("RollupRelation") ?? settings.Text("relation_property_name", "relation_property_id");
                    column.RollupProperty = definition.Text("RollupProperty") ?? settings.Text("rollup_property_name", "rollup_property_id");
                    column.RollupFunction = definition.Text("RollupFunction") ?? settings.Text("function");
                    break;
                case "unique_id":
                    column.Prefix = definition.Text("Prefix") ?? settings.Text("prefix");
                    break;
            }

            return column;
        }

        /// <summary>The Type given, else the one type key whose value is a configuration (Notion's JSON shape).</summary>
        private static string TypeOf(string column, PlainObject definition)
        {
            if (definition.Text("Type") is { } declared)
            {
                return NormalizeType(column, declared);
            }

            var typeKeys = definition.Properties.Where(p => p.Value is PlainObject && KnownTypes.Contains(p.Key.ToLowerInvariant())).Select(p => p.Key.ToLowerInvariant()).ToList();
            return typeKeys.Count == 1
                ? typeKeys[0]
                : throw SchemaException.Invalid($"Column '{column}' has no Type. Give one, such as @{{ Type = 'number' }}, or Notion's shape, such as @{{ number = @{{ format = 'dollar' }} }}.");
        }

        private static IEnumerable<NotionSchemaOption> ReadOptions(string column, object? option)
        {
            var read = option switch
            {
                string text => NotionSchemaOption.Parse(text),
                PlainObject given => new[]
                {
                    new NotionSchemaOption(given.Text("Name") ?? throw SchemaException.Invalid($"An option of column '{column}' has no Name."), given.Text("Color"), given.Text("Id")),
                },
                _ => throw SchemaException.Invalid($"An option of column '{column}' is '{option}'; give its name, or an object with Name (and Color, Id)."),
            };
            foreach (var one in read)
            {
                if (one.Color != null && !NotionSchemaOption.Colors.Contains(one.Color))
                {
                    throw SchemaException.Invalid($"Option '{one.Name}' of column '{column}' has the color '{one.Color}'. The colors are: {string.Join(", ", NotionSchemaOption.Colors)}.");
                }

                yield return one;
            }
        }
    }
}
