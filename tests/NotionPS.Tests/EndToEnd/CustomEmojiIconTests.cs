using System.Linq;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>A page whose icon is one of the workspace's custom emojis reads back with that emoji, by its name, wherever a page is output.</summary>
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
}
