using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;
using System.Threading;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Session;

namespace NotionPS
{
    /// <summary>
    /// Runs when the module is imported and removed. On Windows PowerShell 5.1 (.NET Framework) it
    /// resolves System.Text.Json and its dependencies from the module's netfx folder; PowerShell 7
    /// ships them in the box, so there the handler is never registered.
    /// </summary>
    public sealed class OnImportAndRemove : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string NetFxDependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(OnImportAndRemove).Assembly.Location) ?? string.Empty, "netfx");

        private static int resolverRegistered;

        public void OnImport()
        {
            // Import-Module runs this once per runspace; the handler is process-wide, so register it once.
            if (NetFrameworkTransport.IsNetFramework && Interlocked.Exchange(ref resolverRegistered, 1) == 0)
            {
                AppDomain.CurrentDomain.AssemblyResolve += ResolveFromNetFxFolder;
            }
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            // The current connection is process-wide, like the module's assembly: removing the module
            // (from any runspace) forgets it, as Microsoft.Graph.Authentication does.
            ProcessWideConnection.Reset();

            // The row display sets live in this runspace's type table, which outlives the module.
            RowDisplay.UnregisterAll();
        }

        private static Assembly? ResolveFromNetFxFolder(object sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name);
            var candidate = Path.Combine(NetFxDependencyFolder, name.Name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
