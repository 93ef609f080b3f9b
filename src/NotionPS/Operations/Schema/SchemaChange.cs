using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using NotionPS.Client;

namespace NotionPS.Operations.Schema
{
    /// <summary>
    /// One difference between a data source's schema and the one asked for, in one sentence (what -WhatIf prints),
    /// and what it adds to the request when it is accepted. Each can be accepted or declined on its own.
    /// </summary>
    internal sealed class SchemaChange
    {
        private readonly Action<SchemaPatch> apply;

        public SchemaChange(string description, Action<SchemaPatch> apply, bool afterOthers = false)
        {
            Description = ServerText.Visible(description); // quotes Notion's column and option names, shown by -WhatIf
            this.apply = apply;
            AfterOthers = afterOthers;
        }

        public string Description { get; }

        /// <summary>Sent in a second request, once the other columns exist (a rollup reads through a relation that may be new).</summary>
        public bool AfterOthers { get; }

        public void ApplyTo(SchemaPatch patch) => apply(patch);

        public override string ToString() => Description;
    }

    /// <summary>The <c>properties</c> of one schema update, built from the accepted changes.</summary>
    internal sealed class SchemaPatch
    {
        private readonly Dictionary<string, JsonArray> optionLists = new Dictionary<string, JsonArray>(StringComparer.Ordinal);

        public JsonObject Properties { get; } = new JsonObject();

        public bool IsEmpty => Properties.Count == 0;

        /// <summary>The update of the column <paramref name="key"/> (its ID, or a new column's name), made on first use.</summary>
        public JsonObject Column(string key)
        {
            if (Properties[key] is JsonObject column)
            {
                return column;
            }

            column = new JsonObject();
            Properties[key] = column;
            return column;
        }

        public void Remove(string key) => Properties[key] = null;

        /// <summary>
        /// The options a select, multi-select or status column is sent with: its current ones by ID (Notion removes
        /// an option a select update leaves out), changed by each accepted option change.
        /// </summary>
        public JsonArray Options(NotionSchemaColumn current)
        {
            var key = current.Id!;
            if (!optionLists.TryGetValue(key, out var options))
            {
                options = new JsonArray((current.Options ?? new NotionSchemaOption[0]).Select(option => (JsonNode)new JsonObject { ["id"] = option.Id }).ToArray());
                optionLists[key] = options;
                Column(key)[current.Type] = new JsonObject { ["options"] = options };
            }

            return options;
        }

        /// <summary>The option <paramref name="id"/> in <paramref name="options"/>.</summary>
        public static JsonObject Option(JsonArray options, string id) =>
            options.OfType<JsonObject>().First(option => (string?)option["id"] == id);
    }
}
