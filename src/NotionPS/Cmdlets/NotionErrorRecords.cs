using System.Management.Automation;
using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>The one place NotionPS's failures become ErrorRecords.</summary>
    internal static class NotionErrorRecords
    {
        /// <summary>The PowerShell category of the same name and number (ErrorIdTests holds every member equal).</summary>
        internal static ErrorCategory ToErrorCategory(NotionErrorCategory category) => (ErrorCategory)(int)category;
    }
}
