using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// A page icon or cover that can never be set as given, found before any request: empty text, a control character,
    /// a link Notion cannot show, a path that is not an image file of its own; or a page change that asks for nothing,
    /// or to set and remove the same thing. The message says what to give instead.
    /// </summary>
    internal sealed class PageVisualException : NotionException
    {
        public PageVisualException(string errorId, string message)
            : base(errorId, message)
        {
        }
    }
}
