using System.IO;
using NotionPS.Cmdlets;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Errors;

/// <summary>Commands the page and export errors suggest name their path or ID as exactly itself when pasted.</summary>
public class SuggestedCommandTests
{
    [Theory]
    [InlineData("Bob's reports")]
    [InlineData("$HOME")]
    [InlineData("‘quoted’")]
    public void TheFolderToCreateIsTheMissingFolder(string name)
    {
        var missing = Path.Combine(Path.GetTempPath(), name, "2026");

        var refusal = Assert.Throws<ExportException>(() => AtomicFile.RefuseMissingFolder(Path.Combine(missing, "rows.csv"), null));

        Assert.Equal(missing, PastedCommand.ArgumentOf(refusal.Message, "New-Item -ItemType Directory", "-Path"));
    }

    /// <summary>An ID of digits alone reads as a number bare; written in a command, it stays the ID.</summary>
    [Fact]
    public void AnIdInASuggestedCommandStaysTheId()
    {
        const string Id = "12345678123412341234123456789012";

        var rows = Remedies.For(NotAPageException.Found(Id))!;
        var blocks = Remedies.For(new PageContentTooDeepException("page", Id, 3))!;

        Assert.Equal(Id, PastedCommand.ArgumentOf(rows, "Get-NotionDatabaseRow", "-DatabaseId"));
        Assert.Equal(Id, PastedCommand.ArgumentOf(blocks, "Get-NotionPageContent", "-PageId"));
    }
}
