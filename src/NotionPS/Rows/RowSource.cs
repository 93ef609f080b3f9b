namespace NotionPS.Rows
{
    /// <summary>
    /// Where a row's values came from, which every row write states (<see cref="RowMapping.Build"/>): it decides how the
    /// input's names are read and what is checked before the values are stored in Notion for every reader of the row.
    /// </summary>
    internal enum RowSource
    {
        /// <summary>
        /// Values a user gave: a hashtable, a custom object, a CSV file's line, New-NotionPage -Property. A URL with a user
        /// name or password in a url or files cell is refused (<see cref="CellUrls"/>); a files cell's text that is no
        /// http(s) URL names a local file, where the command uploads them.
        /// </summary>
        Given,

        /// <summary>
        /// A row NotionPS read from Notion (Get-NotionDatabaseRow): Notion's own data, whose URLs are kept as Notion held
        /// them; its own properties (PageId, Url, ...) name no column (<see cref="ColumnNames"/>); a files cell's text is a
        /// link, never a local path, and a file Notion hosts is copied from the row's page.
        /// </summary>
        NotionRow,

        /// <summary>
        /// A row of a JSON backup (Export-NotionDatabase): Notion's own data as the backup kept it, whose URLs are kept; a
        /// files cell's text is a link, never a local path (the backup may come from anyone), and only the files the export
        /// saved are uploaded (they come as files, see BackupCells).
        /// </summary>
        Backup,
    }
}
