using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Runs a vault query for tab completion in a runspace of its own, like SecretManagement's own
    /// secret-name completer: with no host there, a locked vault fails at once instead of prompting
    /// for its password in the middle of completion. Any failure completes nothing.
    /// </summary>
    internal static class VaultCompletion
    {
        public static IEnumerable<CompletionResult> Complete(string wordToComplete, Func<SecretManagementBridge, IEnumerable<string>> query)
        {
            IReadOnlyList<string> candidates;
            try
            {
                using (var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2()))
                {
                    runspace.Open();
                    var bridge = new SecretManagementBridge(() =>
                    {
                        var powerShell = PowerShell.Create();
                        powerShell.Runspace = runspace;
                        return powerShell;
                    });
                    candidates = query(bridge).ToList();
                }
            }
            catch (SecretVaultException)
            {
                return Array.Empty<CompletionResult>();
            }

            var typed = wordToComplete.Trim('\'', '"');
            var pattern = WildcardPattern.Get(typed + "*", WildcardOptions.IgnoreCase);
            return candidates
                .Where(pattern.IsMatch)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(c => c, StringComparer.OrdinalIgnoreCase)
                .Select(c => new CompletionResult(Quote(c), c, CompletionResultType.ParameterValue, c))
                .ToList();
        }

        private static string Quote(string value) =>
            value.Any(char.IsWhiteSpace) || value.IndexOf('\'') >= 0
                ? "'" + CodeGeneration.EscapeSingleQuotedStringContent(value) + "'"
                : value;
    }

    /// <summary>Completes -Vault with the registered SecretManagement vaults.</summary>
    internal sealed class VaultNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            VaultCompletion.Complete(wordToComplete, bridge => bridge.GetVaults().Select(v => v.Name));
    }

    /// <summary>Completes -Name with the registrations, in the vault given with -Vault if any.</summary>
    internal sealed class IntegrationNameCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var vault = fakeBoundParameters?["Vault"] as string;
            return VaultCompletion.Complete(
                wordToComplete,
                bridge => new IntegrationRegistry(bridge).Find("*", vault, _ => { }).Found.Select(r => r.Name));
        }
    }
}
