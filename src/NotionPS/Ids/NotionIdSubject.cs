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
            "block", "the 32 characters of the block's ID, as a block read from Notion holds it");

        public static readonly NotionIdSubject Discussion = new NotionIdSubject(
            "discussion", "the 32 characters of the discussion's ID, as a comment read from Notion holds it");

        private NotionIdSubject(string noun, string whatToPass, bool takesPeekedPage = false)
        {
            Noun = noun;
            WhatToPass = whatToPass;
            TakesPeekedPage = takesPeekedPage;
        }

        /// <summary>What is wanted, such as "database".</summary>
        public string Noun { get; }

        /// <summary>What to pass and where to copy it, completing "Pass ...".</summary>
        public string WhatToPass { get; }

        /// <summary>Whether the page a link opens in a side peek (?p=) is the one wanted, when the link names nothing else.</summary>
        public bool TakesPeekedPage { get; }
    }
}
