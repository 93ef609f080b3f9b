using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>
    /// A collection given to Set-NotionDatabaseRow -InputObject: each row names its page by its own PageId, which
    /// only piping binds, so the rows are not all written onto the one page -PageId names.
    /// </summary>
    internal sealed class InputCollectionException : NotionException
    {
        public InputCollectionException(int count)
            : base(
                NotionErrorIds.NotionInputObjectIsCollection,
                $"-InputObject got a collection of {count} objects, but it takes the new values of the one row -PageId names. " +
                "Pipe the rows instead ($rows | Set-NotionDatabaseRow), so that each changes the row its PageId names.")
        {
        }
    }
}
