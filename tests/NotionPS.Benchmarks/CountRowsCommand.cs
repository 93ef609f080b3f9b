using System.Management.Automation;

namespace NotionPS.Benchmarks;

/// <summary>
/// The end of a benchmark pipeline: counts what reaches it and keeps nothing, so rows stream through as
/// they would into a user's Export-Csv, and no script block adds its own cost per row.
/// </summary>
[Cmdlet(VerbsDiagnostic.Measure, "BenchmarkRow")]
[OutputType(typeof(int))]
public sealed class CountRowsCommand : PSCmdlet
{
    public const string Name = "Measure-BenchmarkRow";

    private int count;

    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    protected override void ProcessRecord() => count++;

    protected override void EndProcessing() => WriteObject(count);
}
