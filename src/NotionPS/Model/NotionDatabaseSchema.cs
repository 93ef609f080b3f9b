using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace NotionPS
{
    /// <summary>
    /// A data source's columns as plain values, as Get-NotionDatabaseSchema outputs them and Set-NotionDatabaseSchema
    /// and New-NotionDatabase take them back: every property is a string or a list, so the object survives
    /// ConvertTo-Json / ConvertFrom-Json and Export-Clixml / Import-Clixml. Every property can be changed in a
    /// script ($schema.Columns += @{ Name = 'Owner'; Type = 'people' }).
    /// </summary>
    public sealed class NotionDatabaseSchema
    {
        public NotionDatabaseSchema()
        {
        }

        internal NotionDatabaseSchema(string databaseId, string dataSourceId, string title, IReadOnlyList<NotionSchemaColumn> columns)
        {
            DatabaseId = databaseId;
            DataSourceId = dataSourceId;
            Title = title;
            Columns = columns.ToArray();
        }

        public string DatabaseId { get; set; } = string.Empty;

        /// <summary>The data source the columns belong to (under Notion-Version 2022-06-28, the database itself).</summary>
        public string DataSourceId { get; set; } = string.Empty;

        public string Title { get; set; } = string.Empty;

        public NotionSchemaColumn[] Columns { get; set; } = new NotionSchemaColumn[0];

        public override string ToString() => $"{Title} ({Columns.Length} columns)";
    }

    /// <summary>
    /// One column. Only the settings of its type are set; the rest are null. As input, a null setting means
    /// "leave it as it is", and a null Id means "find the column by name, or add it".
    /// </summary>
    public sealed class NotionSchemaColumn
    {
        public string Name { get; set; } = string.Empty;

        /// <summary>Notion's property ID (title for the title column); null for a column not yet in Notion.</summary>
        public string? Id { get; set; }

        /// <summary>Notion's type name: title, rich_text, number, select, multi_select, status, relation, formula, ...</summary>
        public string Type { get; set; } = string.Empty;

        /// <summary>The options of a select, multi-select or status column.</summary>
        public NotionSchemaOption[]? Options { get; set; }

        /// <summary>A number column's format: number, percent, dollar, euro, ...</summary>
        public string? NumberFormat { get; set; }

        /// <summary>A formula column's expression.</summary>
        public string? Expression { get; set; }

        /// <summary>The data source a relation column points at (under 2022-06-28, the related database).</summary>
        public string? RelationDataSourceId { get; set; }

        /// <summary>The database a relation column points at.</summary>
        public string? RelationDatabaseId { get; set; }

        /// <summary>single_property, or dual_property for a relation shown on both sides.</summary>
        public string? RelationType { get; set; }

        /// <summary>The relation column (of the same data source) a rollup reads through.</summary>
        public string? RollupRelation { get; set; }

        /// <summary>The column of the related data source a rollup reads.</summary>
        public string? RollupProperty { get; set; }

        /// <summary>The rollup's function: count, sum, show_original, ...</summary>
        public string? RollupFunction { get; set; }

        /// <summary>A unique ID column's prefix.</summary>
        public string? Prefix { get; set; }

        /// <summary>
        /// The column's property on a row from Get-NotionDatabaseRow (and header in an exported CSV): its name, or
        /// "&lt;name&gt; (column)" where a row has a property of that name already or another column's name differs
        /// only in case. Read only: a schema given to Set-NotionDatabaseSchema ignores it.
        /// </summary>
        public string? RowPropertyName { get; set; }

        public override string ToString() => $"{Name} ({Type})";
    }

    /// <summary>
    /// An option of a select, multi-select or status column. Its text form, "Name (color, id ID)", is what
    /// ConvertTo-Json and Export-Clixml write past their depth, and is read back as the option.
    /// </summary>
    public sealed class NotionSchemaOption
    {
        /// <summary>Notion's option colors, the only words read as a color in an option's text form.</summary>
        internal static readonly string[] Colors = { "default", "gray", "brown", "orange", "yellow", "green", "blue", "purple", "pink", "red" };

        private static readonly string OneOption = @"(?<name>.+?) \((?<color>" + string.Join("|", Colors) + @")(, id (?<id>[^)]+))?\)";

        private static readonly Regex TextForm = new Regex("^" + OneOption + "$", RegexOptions.CultureInvariant);

        /// <summary>Options in text form one after another, as ConvertTo-Json writes an array past its depth: joined by spaces.</summary>
        private static readonly Regex JoinedForm = new Regex(@"\G ?" + OneOption + "(?= |$)", RegexOptions.CultureInvariant);

        public NotionSchemaOption()
        {
        }

        /// <summary>An option from its text form, so that a string converts: $column.Options += 'Urgent (red)'.</summary>
        public NotionSchemaOption(string text)
        {
            var match = TextForm.Match(text);
            Name = match.Success ? match.Groups["name"].Value : text;
            Color = match.Success ? match.Groups["color"].Value : null;
            Id = match.Success && match.Groups["id"].Success ? match.Groups["id"].Value : null;
        }

        public NotionSchemaOption(string name, string? color, string? id)
        {
            Name = name;
            Color = color;
            Id = id;
        }

        public string Name { get; set; } = string.Empty;

        /// <summary>default, gray, brown, orange, yellow, green, blue, purple, pink or red; null keeps the color it has.</summary>
        public string? Color { get; set; }

        /// <summary>Notion's option ID; null for an option not yet in Notion.</summary>
        public string? Id { get; set; }

        /// <summary>
        /// Options from text: "Name", "Name (color)" or "Name (color, id ID)", or several of the last two joined by
        /// spaces (what ConvertTo-Json, at its default depth, makes of a column's options).
        /// </summary>
        internal static IEnumerable<NotionSchemaOption> Parse(string text)
        {
            var joined = JoinedForm.Matches(text).Cast<Match>().ToList();
            if (joined.Count > 1 && joined[joined.Count - 1].Index + joined[joined.Count - 1].Length == text.Length)
            {
                return joined.Select(FromMatch).ToList();
            }

            return new[] { new NotionSchemaOption(text) };
        }

        private static NotionSchemaOption FromMatch(Match match) =>
            new NotionSchemaOption(match.Groups["name"].Value, match.Groups["color"].Value, match.Groups["id"].Success ? match.Groups["id"].Value : null);

        public override string ToString() =>
            Color == null ? Name : Id == null ? $"{Name} ({Color})" : $"{Name} ({Color}, id {Id})";
    }
}
