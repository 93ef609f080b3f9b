using System;
using System.Management.Automation;

namespace NotionPS.Secrets
{
    /// <summary>
    /// A SecretManagement failure already turned into the ErrorRecord a cmdlet should report.
    /// </summary>
    internal sealed class SecretVaultException : Exception
    {
        public SecretVaultException(ErrorRecord errorRecord)
            : base(errorRecord.Exception.Message, errorRecord.Exception)
        {
            ErrorRecord = errorRecord;
        }

        public ErrorRecord ErrorRecord { get; }

        /// <summary>True when no later pipeline item can succeed either (SecretManagement missing).</summary>
        public bool StopsEverything => ErrorRecord.CategoryInfo.Category == ErrorCategory.NotInstalled;
    }
}
