using System.ComponentModel;
using System.Management.Automation;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// "Where a new page goes" as a parameter takes it: a page, a database or a data source, by ID or link, or as
    /// an object (a NotionPage, a row, a NotionDatabase, a NotionDataSource, or any object or hashtable with a
    /// PageId, DataSourceId, DatabaseId, Id, Url, Link or Href). An object says which kind it is; an ID or link
    /// alone leaves it to a lookup. Read once, at binding, and never refused there (see NotionPageBind).
    /// </summary>
    [TypeConverter(typeof(PipeBindConverter))]
    public sealed class NotionParentBind
    {
        private static readonly (string Property, PageParentKind Kind)[] KindProperties =
        {
            ("PageId", PageParentKind.Page), ("DataSourceId", PageParentKind.DataSource), ("DatabaseId", PageParentKind.Database),
            ("Id", PageParentKind.Unknown), ("Url", PageParentKind.Unknown), ("Link", PageParentKind.Unknown), ("Href", PageParentKind.Unknown),
        };

        // Every constructor goes through the same reading, whichever PowerShell picks (see NotionDatabaseBind).
        public NotionParentBind(string? input)
            : this((object?)input)
        {
        }

        public NotionParentBind(NotionPage page)
            : this((object?)page)
        {
        }

        public NotionParentBind(NotionDatabase database)
            : this((object?)database)
        {
        }

        public NotionParentBind(NotionDataSource dataSource)
            : this((object?)dataSource)
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
            string? text = null;
            var givenKind = PageParentKind.Unknown;
            if (Input != null && !PipeBindInput.IsText(Input, out text))
            {
                foreach (var (property, kind) in KindProperties)
                {
                    text = PipeBindInput.FirstProperty(Input, property);
                    if (text != null)
                    {
                        givenKind = kind;
                        break;
                    }
                }

                if (text == null)
                {
                    Rejection = $"An object of type {PipeBindInput.TypeName(Input)} has no PageId, DataSourceId, DatabaseId, Id, Url, Link or Href property. "
                        + "Pass the link or ID of a page, database or data source, or an object that has one of those properties.";
                    return;
                }
            }

            var parsed = PipeBindInput.Parse(text, out var rejection, NotionIdSubject.Parent);
            Rejection = rejection;
            if (parsed == null)
            {
                return;
            }

            // A link with a row open in a side peek (?p=) names that row, a page; one with a view (?v=) names a database.
            Parent = parsed.PageId != null ? new PageParent(parsed.PageId, PageParentKind.Page)
                : givenKind == PageParentKind.Unknown && parsed.ViewId != null ? new PageParent(parsed.Id, PageParentKind.Database)
                : new PageParent(parsed.Id, givenKind);
        }

        /// <summary>The input as given: the TargetObject of any error about it.</summary>
        public object? Input { get; }

        /// <summary>The page, database or data source meant, with the kind the input says it is; null when the input was rejected.</summary>
        internal PageParent? Parent { get; }

        /// <summary>Why the input names nothing, saying what to pass instead; null when it does.</summary>
        internal string? Rejection { get; }

        public override string ToString() => Parent?.ToString() ?? PipeBindInput.Describe(Input);
    }
}
