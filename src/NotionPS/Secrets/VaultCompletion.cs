using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Runs a vault query for tab completion in a runspace of its own, like SecretManagement's own
    /// secret-name completer: with no host there, a locked vault fails at once instead of prompting
    /// for its password in the middle of completion. Any failure gives no candidates.
    /// </summary>
    internal static class VaultCompletion
    {
        public static IReadOnlyList<string> Query(Func<SecretManagementBridge, IEnumerable<string>> query)
        {
            try
            {
                using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
                {
                    runspace.Open();
                    var bridge = new SecretManagementBridge(
                        () =>
                        {
                            var powerShell = PowerShell.Create();
                            powerShell.Runspace = runspace;
                            return powerShell;
                        },
                        callerStopping: () => false);
                    return query(bridge).ToList();
                }
            }
            catch (SecretVaultException)
            {
                return Array.Empty<string>();
            }
        }
    }
}
