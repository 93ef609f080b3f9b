using System.Collections.Generic;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// An empty -Filter is no condition, as an empty -Where is: a script that builds its filter and ends up with none
/// reads every row, rather than sending Notion a filter of no kind, which it refuses.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class EmptyFilterTests : RowsTestBase
{
    public EmptyFilterTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $id -Filter @{} | Measure-Object | ForEach-Object Count")]
    [InlineData("Export-NotionDatabase -DatabaseId $id -Filter @{} -Path $path; @(Import-Csv -Path $path).Count")]
    public void AnEmptyFilterReadsEveryRow(string script)
    {
        Connect("2026-03-11");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"empty-filter-{System.Guid.NewGuid():N}.csv");
        var variables = new Dictionary<string, object?> { ["id"] = TasksId, ["path"] = path };
        try
        {
            var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $id | Measure-Object | ForEach-Object Count", variables);
            var filtered = Session.Run(script, variables);

            Assert.Empty(filtered.Errors);
            Assert.Equal(all.Output[0].BaseObject, filtered.Output[^1].BaseObject);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
