using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
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
        // -SerializationDepth 2: a job or remote session sends a row's lists of objects (people, a date range) as objects, as
        // it did for the PSCustomObject rows (a typed object's properties are one level deeper than note properties).
        private const string RegisterScript = "param($TypeName, $Columns) Microsoft.PowerShell.Utility\\Update-TypeData -TypeName $TypeName -DefaultDisplayPropertySet $Columns -SerializationDepth 2 -Force -WhatIf:$false -Confirm:$false -ErrorAction Stop";

        // Skipped where Remove-TypeData is missing, as registering is; a failure never stops Remove-Module.
        private const string UnregisterScript =
            "if (Microsoft.PowerShell.Core\\Get-Command Microsoft.PowerShell.Utility\\Remove-TypeData -ErrorAction Ignore) { " +
            "Microsoft.PowerShell.Utility\\Get-TypeData -TypeName '" + RowObjects.RowTypeName + "#*' | " +
            "Microsoft.PowerShell.Utility\\Remove-TypeData -WhatIf:$false -Confirm:$false -ErrorAction Ignore }";

        private readonly PSCmdlet cmdlet;
        private readonly Dictionary<string, RowShape> byDataSource = new Dictionary<string, RowShape>(StringComparer.OrdinalIgnoreCase);
        private bool? canRegister;

        public RowDisplay(PSCmdlet cmdlet)
        {
            this.cmdlet = cmdlet;
        }

        /// <summary>The row as an output object (see <see cref="RowShape.ToOutput"/>). Called on the pipeline thread.</summary>
        public object ToOutput(PageRow row)
        {
            var dataSourceId = row.DataSourceId ?? row.DatabaseId ?? string.Empty;

            // Once per data source, and again only if its columns change during the read.
            if (!byDataSource.TryGetValue(dataSourceId, out var shape) || !shape.Fits(row))
            {
                shape = Register(RowObjects.RowTypeName + "#" + dataSourceId, row);
                byDataSource[dataSourceId] = shape;
            }

            return shape.ToOutput(row);
        }

        /// <summary>
        /// Removes every data source's display set from the current runspace's session, so removing the module
        /// leaves no NotionPS.Row#* type data behind. Called while the module is removed.
        /// </summary>
        public static void UnregisterAll()
        {
            if (Runspace.DefaultRunspace == null)
            {
                return;
            }

            try
            {
                using (var powerShell = PowerShell.Create(RunspaceMode.CurrentRunspace))
                {
                    powerShell.AddScript(UnregisterScript).Invoke();
                }
            }
            catch (Exception ex) when (ex is RuntimeException || ex is PSInvalidOperationException)
            {
                // A constrained or busy session: the display sets stay until the session ends, as before.
            }
        }

        /// <summary>The shape of a data source's rows, with its display set registered when the session allows it.</summary>
        private RowShape Register(string typeName, PageRow row)
        {
            canRegister ??= cmdlet.InvokeCommand.GetCommand("Update-TypeData", CommandTypes.Cmdlet) != null;
            var shape = new RowShape(typeName, row, carriesDisplaySet: canRegister != true);
            if (canRegister == true)
            {
                try
                {
                    // In a scope of its own: its parameters never overwrite the caller's variables.
                    cmdlet.InvokeCommand.InvokeScript(true, ScriptBlock.Create(RegisterScript), null, typeName, shape.Columns);
                }
                catch (RuntimeException)
                {
                    // A constrained session, say: the rows carry their own display set.
                    canRegister = false;
                    shape = new RowShape(typeName, row, carriesDisplaySet: true);
                }
            }

            return shape;
        }
    }
}
