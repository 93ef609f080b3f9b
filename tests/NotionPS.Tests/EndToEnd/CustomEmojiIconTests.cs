using System;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A page whose icon is one of the workspace's custom emojis reads back with that emoji, by its name, wherever a page is
/// output; and -Icon ':name:' sets it, the name looked up once per command through GET v1/custom_emojis.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CustomEmojiIconTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    /// <summary>The demo workspace's custom emoji (see the emulator's README).</summary>
    private const string AcmeRocket = "ce0e0000-0000-4000-8000-000000000001";

    /// <summary>It was shown as its image's URL, which says nothing of which emoji it is.</summary>
    [Fact]
    public void APageWithACustomEmojiIconShowsItAsColonNameColon()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $page = New-NotionPage -ParentId $parent -Title 'Rocket'
            $null = Invoke-NotionApi -Method Patch -Path "v1/pages/$($page.PageId)" -Body @{ icon = @{ type = 'custom_emoji'; custom_emoji = @{ id = $emoji } } }
            (Get-NotionPage -PageId $page).Icon
            (Set-NotionPage -PageId $page -Title 'Rocket launched' -PassThru).Icon
            """,
            Vars(("parent", TeamHomeId), ("emoji", AcmeRocket)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { ":acme-rocket:", ":acme-rocket:" }, result.Output.Select(item => item.BaseObject));
    }

    /// <summary>-Icon ':acme-rocket:' was taken as a file's name (NotionFileNotFound); now it is the workspace's custom emoji, by its ID.</summary>
    [Theory]
    [MemberData(nameof(Versions))]
    public async Task IconColonNameColonSetsTheCustomEmojiOnNewAndSetNotionPage(string version)
    {
        Connect(version);

        var result = Session.Run(
            """
            $page = New-NotionPage -ParentId $parent -Title 'Party' -Icon ':acme-party:'
            $page.Icon
            (Set-NotionPage -PageId $page -Icon ':acme-rocket:' -PassThru).Icon
            $page.PageId
            """,
            Vars(("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { ":acme-party:", ":acme-rocket:" }, result.Output.Take(2).Select(item => item.BaseObject));
        var stored = await ApiGetAsync("v1/pages/" + result.Output[2].BaseObject, version);
        Assert.Equal("custom_emoji", (string?)stored["icon"]!["type"]);
        Assert.Equal(AcmeRocket, (string?)stored["icon"]!["custom_emoji"]!["id"]);
    }

    /// <summary>What Get-NotionPage shows as the icon, given back to -Icon, sets the same emoji on another page.</summary>
    [Fact]
    public async Task TheIconGetNotionPageShowsSetsTheSameEmojiWhenGivenBack()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $first = New-NotionPage -ParentId $parent -Title 'First' -Icon ':shipped:'
            $second = New-NotionPage -ParentId $parent -Title 'Second'
            $icon = (Get-NotionPage -PageId $first.PageId).Icon
            $second | Set-NotionPage -Icon $icon
            $icon
            $second.PageId
            """,
            Vars(("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal(":shipped:", result.Output[0].BaseObject);
        var stored = await ApiGetAsync("v1/pages/" + result.Output[1].BaseObject, "2026-03-11");
        Assert.Equal("ce0e0000-0000-4000-8000-000000000003", (string?)stored["icon"]!["custom_emoji"]!["id"]);
    }

    /// <summary>One lookup for the command, however many pages it changes.</summary>
    [Fact]
    public void TheNameIsLookedUpOncePerCommand()
    {
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $pages = 1..3 | ForEach-Object { New-NotionPage -ParentId $parent -Title "Page $_" }
            $pages | Set-NotionPage -Icon ':acme-rocket:' -PassThru -Verbose | ForEach-Object Icon
            """,
            Vars(("parent", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal(Enumerable.Repeat((object)":acme-rocket:", 3), result.Output.Select(item => item.BaseObject));
        Assert.Single(result.Verbose, line => line.Message.StartsWith("GET v1/custom_emojis?name=acme-rocket", StringComparison.Ordinal));
    }

    /// <summary>A name that matches nothing stops the command before any page is written, -WhatIf included; a custom emoji is no cover.</summary>
    [Theory]
    [InlineData("New-NotionPage -ParentId $parent -Title 'Never' -Icon ':no-such-emoji:'", "NotionCustomEmojiNotFound")]
    [InlineData("New-NotionPage -ParentId $parent -Title 'Never' -Icon ':ACME-ROCKET:'", "NotionCustomEmojiNotFound")]
    [InlineData("New-NotionPage -ParentId $parent -Title 'Never' -Icon ':no-such-emoji:' -WhatIf", "NotionCustomEmojiNotFound")]
    [InlineData("Set-NotionPage -PageId $parent -Icon ':no-such-emoji:'", "NotionCustomEmojiNotFound")]
    [InlineData("New-NotionPage -ParentId $parent -Title 'Never' -Cover ':acme-rocket:'", "NotionPageCoverEmoji")]
    public async Task ANameThatMatchesNothingStopsTheCommandWithItsErrorId(string command, string errorId)
    {
        Connect("2026-03-11");
        var createdBefore = (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["pagesCreated"]!;

        var result = Session.Run(command, Vars(("parent", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Empty(result.Output);
        Assert.Equal(createdBefore, (int)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["pagesCreated"]!);
        if (errorId == "NotionCustomEmojiNotFound")
        {
            Assert.Equal(System.Management.Automation.ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
            Assert.Contains("case-sensitive", error.Exception.Message, StringComparison.Ordinal);
            Assert.Contains("v1/custom_emojis", error.Exception.Message, StringComparison.Ordinal);
        }
    }
}
