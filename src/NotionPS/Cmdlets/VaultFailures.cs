using System;
using System.Management.Automation;
using NotionPS.Secrets;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// The one path from a vault failure (a <see cref="SecretVaultException"/>, which already holds the ErrorRecord
    /// VaultErrors built) to the cmdlet's error stream.
    /// </summary>
    internal static class VaultFailures
    {
        /// <summary>Runs vault work; a vault failure stops the command with its record.</summary>
        public static T RunOrStop<T>(this PSCmdlet cmdlet, Func<T> vaultWork)
        {
            try
            {
                return vaultWork();
            }
            catch (SecretVaultException ex)
            {
                ThrowTerminatingError(cmdlet, ex.ErrorRecord);
                throw;
            }
        }

        /// <summary>Through a NotionPS cmdlet's own ThrowTerminatingError, which redacts the token it holds (Register-NotionIntegration's, say).</summary>
        private static void ThrowTerminatingError(PSCmdlet cmdlet, ErrorRecord errorRecord)
        {
            if (cmdlet is NotionAsyncCmdlet notionCmdlet)
            {
                notionCmdlet.ThrowTerminatingError(errorRecord);
            }

            cmdlet.ThrowTerminatingError(errorRecord);
        }

        /// <inheritdoc cref="RunOrStop{T}"/>
        public static void RunOrStop(this PSCmdlet cmdlet, Action vaultWork) =>
            cmdlet.RunOrStop(() =>
            {
                vaultWork();
                return true;
            });

        /// <summary>
        /// Runs one pipeline item's vault work: its failure is written and the next item goes on, unless no
        /// later item can succeed either (SecretManagement missing), which stops the command.
        /// </summary>
        public static void RunOrReport(this PSCmdlet cmdlet, Action vaultWork)
        {
            try
            {
                vaultWork();
            }
            catch (SecretVaultException ex) when (!ex.StopsEverything)
            {
                cmdlet.WriteError(ex.ErrorRecord);
            }
            catch (SecretVaultException ex)
            {
                cmdlet.ThrowTerminatingError(ex.ErrorRecord);
            }
        }
    }
}
