using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NotionPS.Client;
using NotionPS.Rows;

namespace NotionPS.Operations.Files
{
    /// <summary>A page's files columns, empty or not, and the files in them: what Save-NotionFile -Column is checked against.</summary>
    internal sealed class PageFiles
    {
        /// <summary>Every column of a page read, by name (to its type); null for a row, whose files columns are named as it names them.</summary>
        private readonly IReadOnlyDictionary<string, string>? schema;

        public PageFiles(string? dataSourceId, IReadOnlyList<string> columns, IReadOnlyList<RowFile> files, IReadOnlyDictionary<string, string>? schema = null)
        {
            DataSourceId = dataSourceId;
            Columns = columns;
            Files = files;
            this.schema = schema;
        }

        /// <summary>The data source (under 2022-06-28 the database) the page is a row of, whose rows share their columns; null for a page that is no row.</summary>
        public string? DataSourceId { get; }

        /// <summary>The names of the files columns, in the page's order.</summary>
        public IReadOnlyList<string> Columns { get; }

        /// <summary>The files in them (see <see cref="FileSaver.FilesOf"/>).</summary>
        public IReadOnlyList<RowFile> Files { get; }

        /// <summary>
        /// The files column a name given alone (-Column) names, or null. On a page read, as -Where names a column
        /// (<see cref="RowMapping.NamedColumn"/> over all its columns), so "files (column)", the name a row gives the case
        /// twin files of Files, names that twin. On a row, whose files columns carry the names the row gives them: the exact
        /// name, else the column the row renamed from it ("files" is "files (column)" there), else the one equal ignoring case.
        /// </summary>
        public string? FilesColumn(string name)
        {
            var column = schema != null ? RowMapping.NamedColumn(schema, name)
                : Columns.Contains(name) ? name
                : Columns.Contains(name + ColumnNames.CollisionSuffix) ? name + ColumnNames.CollisionSuffix
                : RowMapping.FindColumn(Columns.ToDictionary(files => files, _ => "files"), name);
            return column != null && Columns.Contains(column) ? column : null;
        }

        /// <summary>
        /// The file of this page read that <paramref name="earlier"/>, read before, is: the one at its place in its column, found by
        /// the column's own name, or by the name a row gives it when it came from a row (<see cref="RowFile.ColumnIsRowName"/>);
        /// null when the column has no file there now. Only for a page read (<see cref="Of"/>), which knows all its columns.
        /// </summary>
        public RowFile? Again(RowFile earlier)
        {
            string? column = earlier.Column;
            if (earlier.ColumnIsRowName && schema != null)
            {
                column = ColumnNames.OutputNamesByColumn(schema.Keys.ToList()).FirstOrDefault(names => names.Value == earlier.Column).Key;
            }

            return Files.FirstOrDefault(file => file.Column == column && file.Index == earlier.Index);
        }

        /// <summary>The files columns and files of a page object.</summary>
        public static PageFiles Of(JsonElement page)
        {
            var properties = (JsonRead.Object(page, "properties")?.EnumerateObject() ?? default).ToList();
            return new PageFiles(
                JsonRead.Object(page, "parent") is JsonElement parent ? JsonRead.String(parent, "data_source_id") ?? JsonRead.String(parent, "database_id") : null,
                properties.Where(property => JsonRead.String(property.Value, "type") == "files").Select(property => property.Name).ToList(),
                FileSaver.FilesOf(page),
                properties.ToDictionary(property => property.Name, property => JsonRead.String(property.Value, "type") ?? string.Empty));
        }
    }
}
