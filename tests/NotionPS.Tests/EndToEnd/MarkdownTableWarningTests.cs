using System.Linq;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>A Markdown table row wider than its header: the cmdlets warn (hunt2 F8), also under -WhatIf, before anything is sent.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MarkdownTableWarningTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    [Fact]
    public void NewAndSetPageContentWarnOfTheCellsATableRowLoses()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $md = "| a | b |`n| --- | --- |`n| x | ``c|d`` |"
            New-NotionPage -ParentId $parent -Title 'Table' -Markdown $md -WhatIf
            Set-NotionPageContent -PageId $parent -Markdown $md -WhatIf
            """,
            Vars(("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal(2, result.Warnings.Count(warning => warning.Message.StartsWith("Line 3: this table row has 3 cells but the table 2 columns")));
    }
}
