using System;

namespace NotionPS.Rows
{
    /// <summary>
    /// The names PowerShell keeps for its own members of every object (PSObject, PSBase, PSAdapted, PSExtended,
    /// PSTypeNames, compared ignoring case): it refuses a property so named, so a column or JSON key with one of them
    /// needs another home (see <see cref="ColumnNames.OutputName"/> and RowObjects.FromJson).
    /// </summary>
    internal static class ReservedMemberNames
    {
        private static readonly string[] Names = { "PSObject", "PSBase", "PSAdapted", "PSExtended", "PSTypeNames" };

        /// <summary>Whether PowerShell refuses a property of this name. Every reserved name starts with "PS": any other is answered at once.</summary>
        public static bool Contains(string name) =>
            name.Length > 2 && (name[0] == 'P' || name[0] == 'p') && (name[1] == 'S' || name[1] == 's')
            && Array.Exists(Names, reserved => string.Equals(reserved, name, StringComparison.OrdinalIgnoreCase));
    }
}
