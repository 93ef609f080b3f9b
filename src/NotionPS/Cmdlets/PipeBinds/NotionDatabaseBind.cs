using System.ComponentModel;
using System.Management.Automation;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// "A database" as a parameter takes it: an ID or link, a NotionDatabaseId, a NotionDatabase, a
    /// NotionDataSource, a row, or any object or hashtable with a DataSourceId, DatabaseId, Url, Link or
    /// Href. Read once, at binding, and never refused there: a bad input keeps its rejection, so the
    /// cmdlet writes one InvalidNotionUrl error for that pipeline item and goes on with the next.
    /// </summary>
    [TypeConverter(typeof(PipeBindConverter))]
    public sealed class NotionDatabaseBind
    {
        // A data source is exact, so it wins; then IDs before links, since a row's Url is its page's.
        private static readonly string[] DatabaseProperties = { "DatabaseId", "Url", "Link", "Href" };

        // PowerShell converts by the best-matching public constructor: by the wrapper's type or the value's.
        // Each one goes through Read, so whichever it picks gives the same bind.
        public NotionDatabaseBind(string? input)
            : this((object?)input)
        {
        }

        public NotionDatabaseBind(NotionDatabaseId id)
            : this((object?)id)
        {
        }

        public NotionDatabaseBind(NotionDatabase database)
            : this((object?)database)
        {
        }

        public NotionDatabaseBind(NotionDataSource dataSource)
            : this((object?)dataSource)
        {
        }

        public NotionDatabaseBind(PSObject input)
            : this((object?)input)
        {
        }

        /// <summary>Any value at all, as PipeBindConverter hands it over.</summary>
        internal NotionDatabaseBind(object? value)
        {
            Input = PipeBindInput.Given(value);
            (Target, Rejection) = Read(Input);
        }

        private NotionDatabaseBind(string? input, DatabaseTarget? target, string? rejection)
        {
            Input = input;
            Target = target;
            Rejection = rejection;
        }

        /// <summary>The input as given: the TargetObject of any error about it.</summary>
        public object? Input { get; }

        /// <summary>The database or data source meant; null when the input was rejected.</summary>
        internal DatabaseTarget? Target { get; }

        /// <summary>Why the input names no database, saying what to pass instead; null when it does.</summary>
        internal string? Rejection { get; }

        /// <summary>A -DataSourceId string: the ID or link of a data source rather than of a database.</summary>
        internal static NotionDatabaseBind ForDataSourceId(string? input)
        {
            var parsed = PipeBindInput.Parse(input, out var rejection);
            return new NotionDatabaseBind(input, parsed == null ? null : DatabaseTarget.DataSource(parsed.Id), rejection);
        }

        public override string ToString() => Target?.ToString() ?? PipeBindInput.Describe(Input);

        private static (DatabaseTarget? Target, string? Rejection) Read(object? input)
        {
            switch (input)
            {
                case NotionDatabaseId id:
                    return (DatabaseTarget.Database(id.DatabaseId), null);
                case NotionDatabase database:
                    return (DatabaseTarget.Database(database.DatabaseId), null);
                case NotionDataSource dataSource:
                    return (DatabaseTarget.DataSource(dataSource.DataSourceId, dataSource.DatabaseId), null);
                case null:
                    return FromText(null);
            }

            if (PipeBindInput.IsText(input, out var text))
            {
                return FromText(text);
            }

            if (PipeBindInput.FirstProperty(input, "DataSourceId") is { } dataSourceText)
            {
                // The database beside it is only a fact for messages: a bad one does not spoil an exact data source.
                var database = PipeBindInput.Parse(PipeBindInput.FirstProperty(input, "DatabaseId"), out _);
                var dataSource = PipeBindInput.Parse(dataSourceText, out var rejection);
                return (dataSource == null ? null : DatabaseTarget.DataSource(dataSource.Id, database?.Id), rejection);
            }

            return PipeBindInput.FirstProperty(input, DatabaseProperties) is { } link
                ? FromText(link)
                : (null, NoDatabaseProperty(PipeBindInput.TypeName(input)));
        }

        private static (DatabaseTarget? Target, string? Rejection) FromText(string? text)
        {
            var parsed = PipeBindInput.Parse(text, out var rejection);
            return (parsed == null ? null : DatabaseTarget.Database(parsed.Id), rejection);
        }

        private static string NoDatabaseProperty(string typeName) =>
            $"An object of type {typeName} has no DatabaseId, DataSourceId, Url, Link or Href property. "
            + "Pass the database's link or ID, or an object that has one of those properties.";
    }
}
