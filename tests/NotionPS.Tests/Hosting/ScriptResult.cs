using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.Hosting;

/// <summary>What a script wrote to each stream.</summary>
public sealed record ScriptResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<WarningRecord> Warnings,
    IReadOnlyList<VerboseRecord> Verbose,
    IReadOnlyList<DebugRecord> Debug,
    IReadOnlyList<InformationRecord> Information)
{
    /// <summary>The output's base objects of one type, failing the test if anything else was written.</summary>
    public IReadOnlyList<T> OutputOf<T>() => Output.Select(item => Assert.IsType<T>(item.BaseObject)).ToList();
}
