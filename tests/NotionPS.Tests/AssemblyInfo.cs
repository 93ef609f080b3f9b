using Xunit;

// The module keeps one current connection per process, as a PowerShell session does, so tests that
// connect must not run side by side: the whole suite runs one test class at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace NotionPS.Tests
{
    internal static class TestProcess
    {
        /// <summary>
        /// Every test of the suite runs in one process, and together they read far more data sources than the 256 row
        /// types a session gets (past which rows are PSCustomObjects): so which tests saw typed rows depended on their
        /// order. The suite gets room for all of them; the 256 are tested through RowTypes instances of their own.
        /// </summary>
        [System.Runtime.CompilerServices.ModuleInitializer]
        internal static void GiveEveryTestTypedRows() => NotionPS.Cmdlets.RowTypes.Shared = new NotionPS.Cmdlets.RowTypes(mostTypes: 100_000);
    }
}
