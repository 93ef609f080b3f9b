using System.ComponentModel;
using System.Management.Automation;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// "Where a page goes" as a parameter takes it: a page, a database or one of its data sources, as an ID or link,
    /// a NotionPage, NotionDatabase or NotionDataSource, a row, or any object or hashtable with a PageId,
    /// DataSourceId, DatabaseId, Id, Url, Link or Href. A bare ID or link says no kind (pages and databases share one
    /// ID space), so Notion is asked later. Read once, at binding, and never refused there: a bad input keeps its
    /// rejection for the cmdlet's InvalidNotionUrl error.
    /// </summary>
    [TypeConverter(typeof(PipeBindConverter))]
    public sealed class NotionParentBind
    {
        private static readonly string[] LinkProperties = { "Id", "Url", "Link", "Href" };

        // Both constructors go through Read, whichever PowerShell picks (see NotionDatabaseBind).
        public NotionParentBind(string? input)
            : this((object?)input)
        {
        }

        public NotionParentBind(PSObject input)
            : this((object?)input)
        {
        }

        /// <summary>Any value at all, as PipeBindConverter hands it over.</summary>
        internal NotionParentBind(object? value)
        {
            Input = PipeBindInput.Given(value);
            (Parent, Rejection) = Read(Input);
        }

        /// <summary>The input as given: the TargetObject of any error about it.</summary>
        public object? Input { get; }

        /// <summary>The parent meant; null when the input was rejected.</summary>
        internal PageParent? Parent { get; }

        /// <summary>Why the input names no parent, saying what to pass instead; null when it does.</summary>
        internal string? Rejection { get; }

        public override string ToString() => Parent?.ToString() ?? PipeBindInput.Describe(Input);

        private static (PageParent? Parent, string? Rejection) Read(object? input)
        {
            switch (input)
            {
                case NotionPage page:
                    return FromText(page.PageId, PageParentKind.Page);
                case NotionDatabase database:
                    return FromText(database.DatabaseId, PageParentKind.Database);
                case NotionDatabaseId databaseId:
                    return FromText(databaseId.DatabaseId, PageParentKind.Database);
                case NotionDataSource dataSource:
                    return FromText(dataSource.DataSourceId, PageParentKind.DataSource);
                case null:
                    return FromText(null, PageParentKind.Unknown);
            }

            if (PipeBindInput.IsText(input, out var text))
            {
                return FromText(text, PageParentKind.Unknown);
            }

            // A row is a page although it knows its data source: PageId comes first.
            if (PipeBindInput.FirstProperty(input, "PageId") is { } pageId)
            {
                return FromText(pageId, PageParentKind.Page);
            }

            if (PipeBindInput.FirstProperty(input, "DataSourceId") is { } dataSourceId)
            {
                return FromText(dataSourceId, PageParentKind.DataSource);
            }

            if (PipeBindInput.FirstProperty(input, "DatabaseId") is { } databaseIdText)
            {
                return FromText(databaseIdText, PageParentKind.Database);
            }

            return PipeBindInput.FirstProperty(input, LinkProperties) is { } link
                ? FromText(link, PageParentKind.Unknown)
                : (null, NoParentProperty(PipeBindInput.TypeName(input)));
        }

        /// <summary>A link with a row open in a side peek (?p=) names that row, a page; one with a view (?v=) names a database.</summary>
        private static (PageParent? Parent, string? Rejection) FromText(string? text, PageParentKind kind)
        {
            var parsed = PipeBindInput.Parse(text, out var rejection);
            if (parsed == null)
            {
                return (null, rejection);
            }

            if (kind == PageParentKind.Unknown && parsed.PageId != null)
            {
                return (new PageParent(parsed.PageId, PageParentKind.Page), null);
            }

            if (kind == PageParentKind.Unknown && parsed.ViewId != null)
            {
                kind = PageParentKind.Database;
            }

            return (new PageParent(parsed.Id, kind), null);
        }

        private static string NoParentProperty(string typeName) =>
            $"An object of type {typeName} has no PageId, DataSourceId, DatabaseId, Id, Url, Link or Href property. "
            + "Pass the link or ID of the page or database to move to, or an object that has one of those properties.";
    }
}
