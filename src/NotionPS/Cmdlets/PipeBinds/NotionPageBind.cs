using System.ComponentModel;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// "A page" (a row) as a parameter takes it: an ID or link, a row, or any object or hashtable with a
    /// PageId, Id, Url, Link or Href. Read once, at binding, and never refused there: a bad input keeps its
    /// rejection, so the cmdlet writes one InvalidNotionUrl error for that pipeline item and goes on.
    /// </summary>
    [TypeConverter(typeof(PipeBindConverter))]
    public sealed class NotionPageBind
    {
        private static readonly string[] PageProperties = { "PageId", "Id", "Url", "Link", "Href" };

        // Both constructors go through Read, whichever PowerShell picks (see NotionDatabaseBind).
        public NotionPageBind(string? input)
            : this((object?)input)
        {
        }

        public NotionPageBind(PSObject input)
            : this((object?)input)
        {
        }

        /// <summary>Any value at all, as PipeBindConverter hands it over.</summary>
        internal NotionPageBind(object? value)
        {
            Input = PipeBindInput.Given(value);
            string? text = null;
            if (Input != null && !PipeBindInput.IsText(Input, out text))
            {
                text = PipeBindInput.FirstProperty(Input, PageProperties);
                if (text == null)
                {
                    Rejection = NoPageProperty(PipeBindInput.TypeName(Input));
                    return;
                }

                // A row knows its data source, which spares a read of the page's parent.
                DataSourceId = PipeBindInput.Parse(PipeBindInput.FirstProperty(Input, "DataSourceId"), out _)?.Id;
            }

            var parsed = PipeBindInput.Parse(text, out var rejection, NotionIdSubject.Page);

            // A link with a row open in a side peek (?p=) names that row; any other link or ID names the page itself.
            PageId = parsed == null ? null : parsed.PageId ?? parsed.Id;
            Rejection = rejection;
        }

        /// <summary>The input as given: the TargetObject of any error about it.</summary>
        public object? Input { get; }

        /// <summary>The page meant; null when the input was rejected.</summary>
        internal string? PageId { get; }

        /// <summary>The data source of a row given as an object; null when unknown.</summary>
        internal string? DataSourceId { get; }

        /// <summary>Why the input names no page, saying what to pass instead; null when it does.</summary>
        internal string? Rejection { get; }

        /// <summary>
        /// What a -WhatIf or -Confirm line names the page by: where the input is a page or a row object, which carries its
        /// title, the title (cut short, its control and bidi characters escaped, as messages quote input) and the ID; else
        /// the ID alone, as no request is made just for the prompt.
        /// </summary>
        internal string ShownPage()
        {
            var title = (Input is PSObject wrapped ? wrapped.BaseObject : Input) switch
            {
                NotionPage page => page.Title,
                Row row => row.Title,
                _ => null,
            };
            return string.IsNullOrEmpty(title) ? PageId! : $"\"{ServerText.VisibleShort(title!)}\" ({PageId})";
        }

        public override string ToString() => PageId ?? PipeBindInput.Describe(Input);

        private static string NoPageProperty(string typeName) =>
            $"An object of type {typeName} has no PageId, Id, Url, Link or Href property. "
            + "Pass the page's link or ID, or an object that has one of those properties.";
    }
}
