using System;
using System.Collections.Generic;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS.Rows
{
    /// <summary>A page (a database row) as plain values: the page's own properties and one value per column.</summary>
    internal sealed class PageRow
    {
        private PageRow(string pageId, string? databaseId, string? dataSourceId, string? url, DateTime? createdTime, DateTime? lastEditedTime, IReadOnlyList<KeyValuePair<string, object?>> columns, int titleColumn)
        {
            PageId = pageId;
            DatabaseId = databaseId;
            DataSourceId = dataSourceId;
            Url = url;
            CreatedTime = createdTime;
            LastEditedTime = lastEditedTime;
            Columns = columns;
            TitleColumn = titleColumn;
        }

        public string PageId { get; }

        public string? DatabaseId { get; }

        /// <summary>Under Notion-Version 2022-06-28, which has no data sources, the database (its own single data source).</summary>
        public string? DataSourceId { get; }

        public string? Url { get; }

        public DateTime? CreatedTime { get; }

        public DateTime? LastEditedTime { get; }

        /// <summary>Columns in the page object's order, named by <see cref="ColumnNames.OutputNames"/>.</summary>
        public IReadOnlyList<KeyValuePair<string, object?>> Columns { get; }

        /// <summary>The index in <see cref="Columns"/> of the title column (a page has one), or -1 where none came.</summary>
        public int TitleColumn { get; }

        /// <summary>
        /// Reads a page object. <paramref name="replacements"/> holds full values fetched for properties the
        /// page object cut short (see <see cref="PropertyReader.MayBeTruncated"/>), by column name.
        /// </summary>
        public static PageRow From(JsonElement page, IReadOnlyDictionary<string, JsonElement>? replacements = null) => Read(page, replacements, stopWhereCut: false)!;

        /// <summary>
        /// Reads a page object all of whose values came whole, or null where one may have been cut short (see
        /// <see cref="PropertyReader.MayBeTruncated"/>): that row is read by <see cref="From"/> with its full values.
        /// </summary>
        public static PageRow? FromComplete(JsonElement page) => Read(page, null, stopWhereCut: true);

        private static PageRow? Read(JsonElement page, IReadOnlyDictionary<string, JsonElement>? replacements, bool stopWhereCut)
        {
            // Sized as the last row was (rows of a data source have the same columns): not grown and copied for each row.
            var columns = new List<KeyValuePair<string, object?>>(RecentNames.LastColumnCount);
            var titleColumn = -1;
            if (page.TryGetProperty("properties"u8, out var properties) && properties.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in properties.EnumerateObject())
                {
                    var (name, outputName) = RecentNames.Column(property, columns.Count);
                    var value = replacements != null && replacements.TryGetValue(name, out var full) ? full : property.Value;
                    ref var type = ref RecentNames.TypeAt(columns.Count);
                    var plain = PropertyReader.ToPlain(value, ref type, out var mayBeTruncated);
                    if (mayBeTruncated && stopWhereCut)
                    {
                        return null;
                    }

                    if (PropertyReader.IsTitle(type))
                    {
                        titleColumn = columns.Count;
                    }

                    columns.Add(new KeyValuePair<string, object?>(outputName, plain));
                }
            }

            if (RecentNames.EndColumns(columns.Count))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    columns[i] = new KeyValuePair<string, object?>(RecentNames.OutputNameAt(i), columns[i].Value);
                }
            }

            page.TryGetProperty("parent"u8, out var parent);
            var databaseId = ParentId(parent, "database_id"u8, RecentNames.DatabaseId);
            return new PageRow(
                JsonRead.String(page, "id"u8) ?? string.Empty,
                databaseId,
                ParentId(parent, "data_source_id"u8, RecentNames.DataSourceId) ?? (IsDatabaseParent(parent) ? databaseId : null),
                JsonRead.String(page, "url"u8),
                PropertyReader.Timestamp(page, "created_time"u8),
                PropertyReader.Timestamp(page, "last_edited_time"u8),
                columns,
                titleColumn);
        }

        private static bool IsDatabaseParent(JsonElement parent) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty("type"u8, out var type) && type.ValueKind == JsonValueKind.String && type.ValueEquals("database_id"u8);

        private static string? ParentId(JsonElement parent, ReadOnlySpan<byte> utf8Name, int place) =>
            parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(utf8Name, out var id) && id.ValueKind == JsonValueKind.String ? RecentNames.Value(id, place) : null;
    }
}
