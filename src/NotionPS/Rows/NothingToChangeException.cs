using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>A row change given no values at all: no changes and no input object whose properties are the columns.</summary>
    internal sealed class NothingToChangeException : NotionException
    {
        public NothingToChangeException()
            : base(NotionErrorIds.NotionRowNothingToChange, "Nothing to change: no values were given for the row.")
        {
        }
    }
}
