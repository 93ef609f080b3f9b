using System;
using System.Collections.Generic;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// An ID or link that names nothing is refused with what to pass for that parameter: a bad page ID is not told
/// to copy a database's link (found by the hostile-input sweep, tests/Sweep).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class InvalidIdMessageTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private const string Connect = "$null = Connect-NotionIntegration -Token $token -BaseUri $emu; ";

    /// <summary>A call with $bad in a parameter that takes an ID, what it wants, and what its refusal must tell to pass.</summary>
    public static TheoryData<string, string, string> Calls => new()
    {
        { "Get-NotionPage -PageId $bad", "page", "the page's link" },
        { "Get-NotionPageContent -PageId $bad", "page", "the page's link" },
        { "Remove-NotionPage -PageId $bad -Confirm:$false", "page", "the page's link" },
        { "Get-NotionComment -PageId $bad", "page", "the page's link" },
        { "Get-NotionComment -BlockId $bad", "block", "the block's ID" },
        { "Add-NotionComment -PageId $bad -Text hi", "page", "the page's link" },
        { "Add-NotionComment -PageId 92a3b4c5d6e74f1886d7e8f9a0b1c2d3 -DiscussionId $bad -Text hi", "discussion", "the discussion's ID" },
        { "New-NotionPage -ParentId $bad -Title t", "page or database", "the link of the page or database" },
        { "Get-NotionDatabase -DatabaseId $bad", "database", "the database's link" },
    };

    /// <summary>Texts that name nothing, each refused by a different rule of the parser.</summary>
    public static IEnumerable<string> BadInputs => new[] { "   ", "not an id", "https://www.notion.so/acme", "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c", "1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6 92a3b4c5d6e74f1886d7e8f9a0b1c2d3", "https://www.notion.so/acme?v=1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6" };

    [Theory]
    [MemberData(nameof(Calls))]
    public void ARefusedIdSaysWhatToPassForThatParameter(string call, string wanted, string whatToPass)
    {
        foreach (var bad in BadInputs)
        {
            var result = Session.Run(Connect + call, new Dictionary<string, object?> { ["bad"] = bad });

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("InvalidNotionUrl,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            var message = error.ToString();
            Assert.True(message.Contains(whatToPass, StringComparison.Ordinal) || message.Contains($"which {wanted} is meant", StringComparison.Ordinal), $"{bad}: {message}");
            if (wanted != "database")
            {
                Assert.DoesNotContain("database's", message, StringComparison.Ordinal);
            }
        }
    }

    /// <summary>
    /// A link to a row open in a side peek (?p=) with no database ID before it names the page that was open: taken where a
    /// page (or a parent) is wanted, refused where a block is, and told as a row's ID where a database is.
    /// </summary>
    [Fact]
    public void ASidePeekLinkIsThePageItOpensWhereAPageIsWanted()
    {
        const string Page = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
        var link = "https://www.notion.so/acme?p=" + Page.Replace("-", string.Empty, StringComparison.Ordinal);

        var page = Session.Run(Connect + "(Get-NotionPage -PageId $link).PageId", new Dictionary<string, object?> { ["link"] = link });
        var block = Session.Run(Connect + "Get-NotionComment -BlockId $link", new Dictionary<string, object?> { ["link"] = link });
        var database = Session.Run(Connect + "Get-NotionDatabase -DatabaseId $link", new Dictionary<string, object?> { ["link"] = link });

        Assert.Empty(page.Errors);
        Assert.Equal(Page, Assert.Single(page.Output).BaseObject);
        var refused = Assert.Single(block.Errors).ToString();
        Assert.Contains("not a block's. Pass the block's link (hover over the block, then ⋮⋮ > Copy link to block) or the 32 characters of the block's ID", refused, StringComparison.Ordinal);
        Assert.Contains("not the database ID", Assert.Single(database.Errors).ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Text holding several IDs is refused with this very command for each of them as its remedy, which runs as written:
    /// by the pipeline where the parameter takes it, else through ForEach-Object, with the other parameters as given.
    /// </summary>
    [Theory]
    [InlineData("Get-NotionPage -PageId $bad", "Pass them one at a time, such as through the pipeline: '{0}', '{1}' | Get-NotionPage")]
    [InlineData("Get-NotionComment -BlockId $bad", "Pass them one at a time, such as: '{0}', '{1}' | ForEach-Object {{ Get-NotionComment -BlockId $_ }}")]
    [InlineData("Add-NotionComment -PageId $bad -Text 'Looked at it.' -WhatIf", "Pass them one at a time, such as through the pipeline: '{0}', '{1}' | Add-NotionComment -Text 'Looked at it.' -WhatIf")]
    [InlineData("Add-NotionComment -PageId $bad -Text 'It’’s done.' -WhatIf", "Pass them one at a time, such as through the pipeline: '{0}', '{1}' | Add-NotionComment -Text 'It’’s done.' -WhatIf")]
    public void SeveralIdsAreRefusedWithTheCommandForEachAsTheRemedy(string call, string remedy)
    {
        const string Reports = "4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
        var bad = $"{EmulatorFixture.MeetingNotesPageId.Replace("-", string.Empty, StringComparison.Ordinal)}, {Reports}";
        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, remedy, EmulatorFixture.MeetingNotesPageId, Reports);

        var refused = Session.Run(Connect + call, new Dictionary<string, object?> { ["bad"] = bad });
        var error = Assert.Single(refused.Errors);
        Assert.Contains("holds 2 IDs", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(expected, error.ErrorDetails?.RecommendedAction);

        var rerun = Session.Run(Connect + expected.Substring(expected.IndexOf(": ", StringComparison.Ordinal) + 2));
        Assert.Empty(rerun.Errors);
    }

    /// <summary>
    /// No command is suggested where running it per ID would not do what was meant: a parameter it could not write back
    /// exactly (a hashtable, text of several lines or over 300 characters) would be dropped or changed, and a parameter
    /// naming where something is written (a parent, the database rows go to, the one file an export writes) names one place,
    /// not several: each run would write over the last one's file. The refusal's general advice stays.
    /// </summary>
    [Theory]
    [InlineData("Get-NotionDatabaseRow -DatabaseId $bad -Where @{ Status = 'Done' }")]
    [InlineData("Set-NotionPageContent -PageId $bad -Markdown \"# Plan`n`nFirst\" -WhatIf")]
    [InlineData("Add-NotionComment -PageId $bad -Text ('x' * 301) -WhatIf")]
    [InlineData("Move-NotionPage -PageId $page -ParentId $bad -WhatIf")]
    [InlineData("New-NotionPage -ParentId $bad -Title 'Plan' -WhatIf")]
    [InlineData("Import-NotionDatabase -Path $csv -DatabaseId $bad -WhatIf")]
    [InlineData("Export-NotionDatabase -DatabaseId $bad -Path $csv -WhatIf")]
    public void SeveralIdsAreRefusedWithoutACommandThatWouldDoSomethingElse(string call)
    {
        var csv = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"several-ids-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllText(csv, "Name\nPlan\n");
        var bad = $"{EmulatorFixture.MeetingNotesPageId.Replace("-", string.Empty, StringComparison.Ordinal)}, 4d5e6f70-8192-4ca3-b1e2-f3a4b5c6d7e8";
        try
        {
            var refused = Session.Run(
                Connect + $"try {{ {call} -ErrorAction Stop }} catch {{ $_ }}",
                new Dictionary<string, object?> { ["bad"] = bad, ["page"] = EmulatorFixture.MeetingNotesPageId, ["csv"] = csv });

            var error = Assert.IsType<System.Management.Automation.ErrorRecord>(Assert.Single(refused.Output).BaseObject);
            Assert.Equal("InvalidNotionUrl", error.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains("Pass one ID or link at a time.", error.ToString(), StringComparison.Ordinal);
            Assert.Null(error.ErrorDetails?.RecommendedAction);
        }
        finally
        {
            System.IO.File.Delete(csv);
        }
    }

    /// <summary>An input of any length is quoted cut short (the whole of it stays the error's target).</summary>
    [Fact]
    public void ALongRefusedInputIsQuotedShort()
    {
        var result = Session.Run(Connect + "Get-NotionPage -PageId ('x' * 1000000)");

        var message = Assert.Single(result.Errors).ToString();
        Assert.Contains("'xxx", message, StringComparison.Ordinal);
        Assert.True(message.Length < 2000, $"{message.Length} characters");
    }

    [Theory]
    [InlineData("Get-NotionPage -PageId $bad")]
    [InlineData("Get-NotionDatabase -DatabaseId $bad")]
    [InlineData("Get-NotionDatabaseId -Url $bad")]
    [InlineData("Get-NotionComment -BlockId $bad")]
    [InlineData("Send-NotionFile -Path $file -ContentType $bad")]
    public void ARefusedInputIsQuotedWithItsControlCharactersVisible(string call)
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"notionps-{Guid.NewGuid():N}.txt");
        System.IO.File.WriteAllText(file, "hello");
        try
        {
            var result = Session.Run(Connect + "$bad = \"`e[31mpwned`a`r`nx\"; " + call, new Dictionary<string, object?> { ["file"] = file });

            var message = Assert.Single(result.Errors).ToString();
            Assert.Contains("\\u001B[31mpwned\\u0007\\u000D\\u000Ax", message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain('\u001B', message);
            Assert.DoesNotContain('\r', message);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }
}
