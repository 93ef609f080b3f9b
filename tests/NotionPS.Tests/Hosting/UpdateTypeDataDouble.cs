using System.Collections;
using System.IO;
using System.Management.Automation;

namespace NotionPS.Tests.Hosting;

/// <summary>
/// A double of Microsoft.PowerShell.Utility's Update-TypeData (not in the engine the tests host), with the
/// parameters NotionPS uses, in a module of that name (<see cref="ImportInto"/>). It records each call as
/// "TypeName=Column,Column" in the session's $TypeDataCalls list, and refuses (as a constrained session
/// would) while $RefuseTypeData is $true.
/// </summary>
[Cmdlet(VerbsData.Update, "TypeData", SupportsShouldProcess = true)]
public sealed class UpdateTypeDataDouble : PSCmdlet
{
    /// <summary>Imports the double into a session as the module Microsoft.PowerShell.Utility, and starts an empty $TypeDataCalls.</summary>
    public static void ImportInto(ModuleSession session)
    {
        var folder = Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "Microsoft.PowerShell.Utility");
        Directory.CreateDirectory(folder);
        var manifest = Path.Combine(folder, "Microsoft.PowerShell.Utility.psd1");
        File.WriteAllText(manifest, $"@{{ ModuleVersion = '7.0.0.0'; RootModule = '{typeof(UpdateTypeDataDouble).Assembly.Location.Replace("'", "''")}'; CmdletsToExport = @('Update-TypeData') }}");
        var result = session.Run("Import-Module $manifest -ErrorAction Stop; $TypeDataCalls = [System.Collections.ArrayList]::new()", new System.Collections.Generic.Dictionary<string, object?> { ["manifest"] = manifest });
        if (result.Errors.Count > 0)
        {
            throw new System.InvalidOperationException("The Update-TypeData double did not import: " + result.Errors[0]);
        }
    }

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

        if (ShouldProcess(TypeName))
        {
            ((IList)GetVariableValue("TypeDataCalls")).Add(TypeName + "=" + string.Join(",", DefaultDisplayPropertySet));
        }
    }
}
