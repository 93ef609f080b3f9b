using System;

namespace NotionPS.Ids
{
    /// <summary>What kind of object a parent ID was given as; Unknown for a bare ID or link, which only Notion can tell.</summary>
    internal enum PageParentKind
    {
        Unknown,
        Page,
        Database,
        DataSource,
    }

    /// <summary>Where a page is to go: a page, a database (its one data source), a data source, or an ID not yet told apart.</summary>
    internal sealed class PageParent
    {
        public PageParent(string id, PageParentKind kind)
        {
            Id = string.IsNullOrEmpty(id) ? throw new ArgumentException("An ID is required.", nameof(id)) : id;
            Kind = kind;
        }

        public string Id { get; }

        public PageParentKind Kind { get; }

        public override string ToString() => Kind == PageParentKind.Unknown ? Id : $"{Id} ({Kind})";
    }
}
