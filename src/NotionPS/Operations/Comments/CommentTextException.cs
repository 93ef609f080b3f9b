using System;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>A comment's text that Notion cannot take as written: empty, or beyond its rich-text limits.</summary>
    internal sealed class CommentTextException : NotionException
    {
        public CommentTextException(string errorId, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
        }
    }
}
