using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>An input that gives no value for any column that can be written: adding it would make a blank row.</summary>
    internal sealed class NothingToWriteException : NotionException
    {
        public NothingToWriteException(string message)
            : base(NotionErrorIds.NotionRowEmpty, message)
        {
        }
    }
}
