namespace NotionPS.Ids
{
    /// <summary>
    /// What an ID is wanted for, so a rejection tells the user what to copy: a page's link is not found
    /// where a database's is, and a discussion has no link at all.
    /// </summary>
    internal sealed class NotionIdSubject
    {
        public static readonly NotionIdSubject Database = new NotionIdSubject(
            "database", "the database's link (open the database as a full page, then ••• > Copy link) or the 32 characters of its ID");

        public static readonly NotionIdSubject Page = new NotionIdSubject(
            "page", "the page's link (open the page, then ••• > Copy link) or the 32 characters of its ID", takesPeekedPage: true);

        public static readonly NotionIdSubject Parent = new NotionIdSubject(
            "page or database", "the link of the page or database (open it as a full page, then ••• > Copy link) or the 32 characters of its ID", takesPeekedPage: true);

        public static readonly NotionIdSubject Block = new NotionIdSubject(
            "block", "the block's link (hover over the block, then ⋮⋮ > Copy link to block) or the 32 characters of the block's ID",
            linkPart: NotionLinkPart.Fragment);

        public static readonly NotionIdSubject Discussion = new NotionIdSubject(
            "discussion", "the comment's link (••• on the comment > Copy link) or the 32 characters of the discussion's ID, "
            + "as a comment read from Notion holds it (its DiscussionId)",
            linkPart: NotionLinkPart.DiscussionQuery);

        private NotionIdSubject(string noun, string whatToPass, bool takesPeekedPage = false, NotionLinkPart linkPart = NotionLinkPart.Path)
        {
            Noun = noun;
            WhatToPass = whatToPass;
            TakesPeekedPage = takesPeekedPage;
            LinkPart = linkPart;
        }

        /// <summary>What is wanted, such as "database".</summary>
        public string Noun { get; }

        /// <summary>What to pass and where to copy it, completing "Pass ...".</summary>
        public string WhatToPass { get; }

        /// <summary>Whether the page a link opens in a side peek (?p=) is the one wanted, when the link names nothing else.</summary>
        public bool TakesPeekedPage { get; }

        /// <summary>Where in a link this subject's ID is: after the title words in the path, after the '#', or in d=.</summary>
        public NotionLinkPart LinkPart { get; }
    }

    /// <summary>Where a link names what is wanted; the path always names a page or database.</summary>
    internal enum NotionLinkPart
    {
        /// <summary>The ID that ends the path (a page or database).</summary>
        Path,

        /// <summary>
        /// The ID after the '#' (Notion's "Copy link to block"); without one, the page the path names, which the API
        /// takes as a block too.
        /// </summary>
        Fragment,

        /// <summary>The ID in d= (a comment's link names its discussion there); a link without d= names no discussion.</summary>
        DiscussionQuery,
    }
}
