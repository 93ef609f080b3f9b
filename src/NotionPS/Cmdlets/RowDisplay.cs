using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Makes a cmdlet's output rows, and how they show at the prompt: their columns, with the IDs out of
    /// the way. Each data source's rows are of type NotionPS.Row#&lt;data source ID&gt;, whose default
    /// display set (the columns) is registered once with Update-TypeData, as a types.ps1xml would for a
    /// fixed type. Where Update-TypeData is missing (a host with only the engine's core commands) or
    /// refuses, each row carries the set itself, which costs about a tenth more time per row.
    /// </summary>
    internal sealed class RowDisplay
    {
        // Module-qualified, so no alias or proxy of the caller's stands in; -WhatIf:$false and -Confirm:$false,
        // so a caller's preferences never skip it or prompt in the middle of a read.
        private const string RegisterScript = "param($TypeName, $Columns) Microsoft.PowerShell.Utility\\Update-TypeData -TypeName $TypeName -DefaultDisplayPropertySet $Columns -Force -WhatIf:$false -Confirm:$false -ErrorAction Stop";

        private readonly PSCmdlet cmdlet;
        private readonly Dictionary<string, string[]> registered = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        private bool? canRegister;

        public RowDisplay(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
        }

        /// <summary>The row as an output object. Called on the pipeline thread.</summary>
        public PSObject ToPSObject(PageRow row)
        {
            var typeName = RowObjects.RowTypeName + "#" + (row.DataSourceId ?? row.DatabaseId);
            var shown = row.Columns.Count > 0 ? row.Columns.Select(column => column.Key).ToArray() : new[] { "PageId" };
            return RowObjects.ToPSObject(row, typeName, IsRegistered(typeName, shown) ? null : shown);
        }

        /// <summary>Whether the type's display set is <paramref name="shown"/>, registering it if need be (again when the columns changed).</summary>
        private bool IsRegistered(string typeName, string[] shown)
        {
            if (registered.TryGetValue(typeName, out var columns) && columns.SequenceEqual(shown, StringComparer.Ordinal))
            {
                return true;
            }

            canRegister ??= cmdlet.InvokeCommand.GetCommand("Update-TypeData", CommandTypes.Cmdlet) != null;
            if (canRegister != true)
            {
                return false;
            }

            try
            {
                // In a scope of its own: its parameters never overwrite the caller's variables.
                cmdlet.InvokeCommand.InvokeScript(true, ScriptBlock.Create(RegisterScript), null, typeName, shown);
            }
            catch (RuntimeException)
            {
                // A constrained session, say: the rows carry their own display set.
                canRegister = false;
                return false;
            }

            registered[typeName] = shown;
            return true;
        }
    }
}
