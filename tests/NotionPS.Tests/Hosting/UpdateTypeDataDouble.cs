using System.Collections;
using System.Management.Automation;

namespace NotionPS.Tests.Hosting;

/// <summary>
/// A double of Microsoft.PowerShell.Utility's Update-TypeData (not in the engine the tests host), with the
/// parameters NotionPS uses. It records each call as "TypeName=Column,Column" in the session's
/// $TypeDataCalls list, and refuses (as a constrained session would) while $RefuseTypeData is $true.
/// </summary>
[Cmdlet(VerbsData.Update, "TypeData")]
public sealed class UpdateTypeDataDouble : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public string TypeName { get; set; } = string.Empty;

    [Parameter]
    public string[] DefaultDisplayPropertySet { get; set; } = [];

    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        if (LanguagePrimitives.IsTrue(GetVariableValue("RefuseTypeData")))
        {
            ThrowTerminatingError(new ErrorRecord(new PSNotSupportedException("Update-TypeData is not allowed here."), "TypeDataRefused", ErrorCategory.PermissionDenied, TypeName));
        }

        ((IList)GetVariableValue("TypeDataCalls")).Add(TypeName + "=" + string.Join(",", DefaultDisplayPropertySet));
    }
}
