using System;
using System.Management.Automation;
using NotionPS.Ids;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// A cmdlet's first step with a pipe bind: take what it names, or write one InvalidNotionUrl error for
    /// this input (non-terminating, so the next pipeline item is still processed) and skip it.
    /// </summary>
    internal static class PipeBindErrors
    {
        /// <summary>The database or data source meant, or false after writing the input's InvalidNotionUrl error.</summary>
        public static bool TryTarget(this NotionConnectedCmdlet cmdlet, NotionDatabaseBind bind, out DatabaseTarget target)
        {
            target = bind.Target!;
            return target != null || cmdlet.WriteInvalidId(bind.Rejection!, bind.Input);
        }

        /// <summary>
        /// The database meant, for a cmdlet that needs the database itself; a data source given by its ID
        /// alone names none, and is refused like any other input that names no database.
        /// </summary>
        public static bool TryDatabaseId(this NotionConnectedCmdlet cmdlet, NotionDatabaseBind bind, out string databaseId)
        {
            databaseId = string.Empty;
            if (!cmdlet.TryTarget(bind, out var target))
            {
                return false;
            }

            if (target.DatabaseId == null)
            {
                return cmdlet.WriteInvalidId(DataSourceWithoutDatabase(target.DataSourceId!), bind.Input);
            }

            databaseId = target.DatabaseId;
            return true;
        }

        /// <summary>The page meant, or false after writing the input's InvalidNotionUrl error.</summary>
        public static bool TryPageId(this NotionConnectedCmdlet cmdlet, NotionPageBind bind, out string pageId)
        {
            pageId = bind.PageId!;
            return pageId != null || cmdlet.WriteInvalidId(bind.Rejection!, bind.Input);
        }

        /// <summary>
        /// The ID in a link or ID given as plain text (a block or a discussion, which no object names), or false after
        /// writing the input's InvalidNotionUrl error.
        /// </summary>
        public static bool TryId(this NotionConnectedCmdlet cmdlet, string input, NotionIdSubject subject, out string id)
        {
            var parsed = PipeBindInput.Parse(input, out var rejection, subject);
            id = parsed?.Id!;
            return parsed != null || cmdlet.WriteInvalidId(rejection!, input);
        }

        private static bool WriteInvalidId(this NotionConnectedCmdlet cmdlet, string rejection, object? input)
        {
            cmdlet.WriteError(NotionErrorRecords.InvalidId(rejection, input));
            return false;
        }

        private static string DataSourceWithoutDatabase(string dataSourceId) =>
            $"'{dataSourceId}' was given as a data source, which names no database. Pass the database's link or ID "
            + "(a data source's DatabaseId property holds it).";
    }
}
