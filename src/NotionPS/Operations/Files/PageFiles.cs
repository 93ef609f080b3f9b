using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NotionPS.Client;

namespace NotionPS.Operations.Files
{
    /// <summary>A page's files columns, empty or not, and the files in them: what Save-NotionFile -Column is checked against.</summary>
    internal sealed class PageFiles
    {
        public PageFiles(string? dataSourceId, IReadOnlyList<string> columns, IReadOnlyList<RowFile> files)
        {
            DataSourceId = dataSourceId;
            Columns = columns;
            Files = files;
        }

        /// <summary>The data source (under 2022-06-28 the database) the page is a row of, whose rows share their columns; null for a page that is no row.</summary>
        public string? DataSourceId { get; }

        /// <summary>The names of the files columns, in the page's order.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The files in them (see <see cref="FileSaver.FilesOf"/>).</summary>
        public IReadOnlyList<RowFile> Files { get; }

        /// <summary>The files columns and files of a page object.</summary>
        public static PageFiles Of(JsonElement page) =>
            new PageFiles(
                JsonRead.Object(page, "parent") is JsonElement parent ? JsonRead.String(parent, "data_source_id") ?? JsonRead.String(parent, "database_id") : null,
                (JsonRead.Object(page, "properties")?.EnumerateObject() ?? default)
                    .Where(property => JsonRead.String(property.Value, "type") == "files").Select(property => property.Name).ToList(),
                FileSaver.FilesOf(page));
    }
}
