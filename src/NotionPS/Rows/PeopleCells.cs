using System;
using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Rows
{
    /// <summary>
    /// A people value given by e-mail address (as a people cell exports: see <see cref="NotionUserList"/>)
    /// turned into user IDs, which is all Notion takes.
    /// </summary>
    internal static class PeopleCells
    {
        /// <summary>
        /// The value with each item that is an e-mail address replaced by that person's ID; a value with no
        /// address is returned as it is. <paramref name="userIdByEmail"/> gives null for an unknown address
        /// and throws <see cref="InvalidOperationException"/> when the addresses cannot be looked up.
        /// </summary>
        public static object? WithIds(string column, object? value, Func<string, string?> userIdByEmail)
        {
            var items = CellText.Items(value);
            if (!items.Any(IsEmail))
            {
                return value;
            }

            return items.Select(item => IsEmail(item) ? IdFor(column, ((string)item).Trim(), userIdByEmail) : item).ToList();
        }

        /// <summary>The e-mail addresses among the value's items, trimmed, as <see cref="WithIds"/> looks them up.</summary>
        public static IEnumerable<string> Emails(object? value) => CellText.Items(value).Where(IsEmail).Select(item => ((string)item).Trim());

        private static bool IsEmail(object item) => item is string text && text.Contains("@");

        private static object IdFor(string column, string email, Func<string, string?> userIdByEmail)
        {
            string? id;
            try
            {
                id = userIdByEmail(email);
            }
            catch (InvalidOperationException ex)
            {
                throw new RowValueException(column, "people", email, ex.Message);
            }

            return id ?? throw new RowValueException(column, "people", email, "no person in the workspace has this e-mail address, or the integration may not read it. Give the person's user ID instead (Invoke-NotionApi v1/users lists them).");
        }
    }
}
