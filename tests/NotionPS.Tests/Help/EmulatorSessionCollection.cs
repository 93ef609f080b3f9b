using Xunit;

namespace NotionPS.Tests.Help;

/// <summary>
/// Tests that connect, disconnect or set NOTION_TOKEN change state the whole process shares (the
/// module's current connection, the environment), so they run alone, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EmulatorSessionCollection
{
    public const string Name = "Process-wide session state";
}
