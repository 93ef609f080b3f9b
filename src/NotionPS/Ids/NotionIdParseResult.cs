using System;
using System.Collections.Generic;

namespace NotionPS.Ids
{
    /// <summary>
    /// What <see cref="NotionIdParser.Parse"/> made of one input: a <see cref="ParsedNotionId"/> or a
    /// <see cref="RejectedNotionId"/>. A result rather than an exception, so a cmdlet can write one
    /// error per bad pipeline item and carry on.
    /// </summary>
    internal abstract class NotionIdParseResult
    {
        private protected NotionIdParseResult()
        {
        }
    }

    /// <summary>An input that clearly holds a database (or page) ID.</summary>
    internal sealed class ParsedNotionId : NotionIdParseResult
    {
        public ParsedNotionId(string input, string id, string? viewId, string? pageId)
        {
            Input = input;
            Id = id;
            ViewId = viewId;
            PageId = pageId;
        }

        /// <summary>The input as given, untrimmed.</summary>
        public string Input { get; }

        /// <summary>The ID from the link's path (or the bare ID), dashed and lowercase.</summary>
        public string Id { get; }

        /// <summary>The view from <c>?v=</c>, dashed and lowercase; null when absent or not an ID.</summary>
        public string? ViewId { get; }

        /// <summary>The row open in a side peek (<c>&amp;p=</c>), dashed and lowercase; null when absent.</summary>
        public string? PageId { get; }
    }

    /// <summary>An input that does not clearly hold an ID, with a message saying what to copy instead.</summary>
    internal sealed class RejectedNotionId : NotionIdParseResult
    {
        public RejectedNotionId(NotionIdProblem problem, string message, IReadOnlyList<string>? ids = null)
        {
            Problem = problem;
            Message = message;
            Ids = ids ?? Array.Empty<string>();
        }

        public NotionIdProblem Problem { get; }

        public string Message { get; }

        /// <summary>The IDs the input holds, for <see cref="NotionIdProblem.SeveralIds"/> (so a remedy can show them one by one); else none.</summary>
        public IReadOnlyList<string> Ids { get; }
    }

    /// <summary>Why an input was rejected.</summary>
    internal enum NotionIdProblem
    {
        /// <summary>Null, empty, or only whitespace, quotes and brackets.</summary>
        Empty,

        /// <summary>No ID anywhere it could be.</summary>
        NoId,

        /// <summary>A link whose only ID is the view after <c>?v=</c>.</summary>
        ViewIdOnly,

        /// <summary>A link whose only ID is the peeked row after <c>p=</c>.</summary>
        PageIdOnly,

        /// <summary>A run of hexadecimal digits that is almost an ID: wrong length or dashes misplaced.</summary>
        MalformedId,

        /// <summary>Text (not a link) that holds more than one ID, so which one is meant is unclear.</summary>
        SeveralIds,

        /// <summary>A link to a host other than Notion's, or with a scheme other than https, http or notion.</summary>
        NotNotionLink,

        /// <summary>A link or link's tail without d=, where a discussion is wanted: it names a page, not a discussion.</summary>
        NoDiscussionId,
    }
}
