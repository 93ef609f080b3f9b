using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Set-NotionPageContent -After a block at any depth (in a toggle, a list item, a column, a callout, a synced
/// block): the content goes under the block's parent right after it, with the version's after or position, and the
/// anchors that cannot work are refused before anything is written.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class NestedAfterTests : EmulatorTest
{
    private const string Page = "a1000000-0000-4000-8000-000000000001";
    private const string OtherPage = "a1000000-0000-4000-8000-000000000002";
    private const string Toggle = "a1000000-0000-4000-8000-000000000010";
    private const string InToggle = "a1000000-0000-4000-8000-000000000011";
    private const string ListItem = "a1000000-0000-4000-8000-000000000020";
    private const string InListItem = "a1000000-0000-4000-8000-000000000021";
    private const string ColumnList = "a1000000-0000-4000-8000-000000000030";
    private const string LeftColumn = "a1000000-0000-4000-8000-000000000031";
    private const string InLeftColumn = "a1000000-0000-4000-8000-000000000032";
    private const string RightColumn = "a1000000-0000-4000-8000-000000000033";
    private const string Callout = "a1000000-0000-4000-8000-000000000040";
    private const string InCallout = "a1000000-0000-4000-8000-000000000041";
    private const string Synced = "a1000000-0000-4000-8000-000000000050";
    private const string InSynced = "a1000000-0000-4000-8000-000000000051";
    private const string TableRow = "a1000000-0000-4000-8000-000000000061";
    private const string OnOtherPage = "a1000000-0000-4000-8000-000000000071";

    public NestedAfterTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static IEnumerable<object[]> Versions => RowsTestBase.Versions;

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    private static JsonArray Text(string text) => new(new JsonObject { ["text"] = new JsonObject { ["content"] = text } });

    private static JsonObject Block(string type, string? id, string? text, params JsonObject[] children)
    {
        var content = new JsonObject();
        if (text != null)
        {
            content["rich_text"] = Text(text);
        }

        if (children.Length > 0)
        {
            content["children"] = new JsonArray(children);
        }

        var block = new JsonObject { ["type"] = type, [type] = content };
        if (id != null)
        {
            block["id"] = id;
        }

        return block;
    }

    /// <summary>
    /// A page with two blocks in each kind of container (the content goes between them), a heading in a toggle and
    /// one in a column, a table, and a second page with a block of its own.
    /// </summary>
    private async Task SeedAsync()
    {
        var synced = Block("synced_block", Synced, null, Block("paragraph", InSynced, "synced one"), Block("paragraph", null, "synced two"));
        synced["synced_block"]!["synced_from"] = null;
        var tableRow = new JsonObject { ["id"] = TableRow, ["type"] = "table_row", ["table_row"] = new JsonObject { ["cells"] = new JsonArray(Text("cell")) } };
        await Emulator.AdminPostAsync("pages", new JsonObject
        {
            ["id"] = Page,
            ["title"] = "Nested",
            ["sharedWith"] = new JsonArray("NotionPS Demo"),
            ["blocks"] = new JsonArray(
                Block("heading_1", null, "Intro"),
                Block("toggle", Toggle, "Details", Block("paragraph", InToggle, "toggle one"), Block("heading_2", null, "Inner"), Block("paragraph", null, "toggle two")),
                Block("bulleted_list_item", ListItem, "item", Block("paragraph", InListItem, "item one"), Block("paragraph", null, "item two")),
                Block(
                    "column_list",
                    ColumnList,
                    null,
                    Block("column", LeftColumn, null, Block("paragraph", InLeftColumn, "left one"), Block("paragraph", null, "left two")),
                    Block("column", RightColumn, null, Block("heading_3", null, "Right"), Block("paragraph", null, "right two"))),
                Block("callout", Callout, "Note", Block("paragraph", InCallout, "callout one"), Block("paragraph", null, "callout two")),
                synced,
                new JsonObject { ["type"] = "table", ["table"] = new JsonObject { ["table_width"] = 1, ["children"] = new JsonArray(tableRow) } }),
        });
        await Emulator.AdminPostAsync("pages", new JsonObject
        {
            ["id"] = OtherPage,
            ["title"] = "Other",
            ["sharedWith"] = new JsonArray("NotionPS Demo"),
            ["blocks"] = new JsonArray(Block("paragraph", OnOtherPage, "elsewhere")),
        });
    }

    private void Connect(string apiVersion) =>
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion $v", Vars(("v", apiVersion))).Errors);

    /// <summary>The texts of the children of the block <paramref name="parentId"/> (the page's own blocks for the page), as Notion lists them now.</summary>
    private List<string> ChildTexts(string parentId)
    {
        var result = Session.Run("Get-NotionPageContent -PageId $page -AsBlocks", Vars(("page", Page)));
        Assert.Empty(result.Errors);
        var blocks = result.Output.ToArray();
        var children = parentId == Page ? blocks : Find(blocks, parentId)!;
        return children.Select(TextOf).ToList();
    }

    private static PSObject[]? Find(IEnumerable<PSObject> blocks, string id)
    {
        foreach (var block in blocks)
        {
            var children = block.Properties["children"]?.Value is object[] list ? list.Cast<PSObject>().ToArray() : Array.Empty<PSObject>();
            if ((string)block.Properties["id"].Value == id)
            {
                return children;
            }

            if (Find(children, id) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    private static string TextOf(PSObject block)
    {
        var type = (string)block.Properties["type"].Value;
        var body = (PSObject)block.Properties[type].Value;
        return body.Properties["rich_text"]?.Value is object[] { Length: > 0 } text ? (string)((PSObject)text[0]).Properties["plain_text"].Value : type;
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ABlockIdAtAnyDepthTakesTheContentRightAfterItUnderItsParentWithTheVersionsPlacement(string version)
    {
        await SeedAsync();
        Connect(version);
        var anchors = new (string Parent, string Anchor, string[] Ancestors, string[] Before)[]
        {
            (Toggle, InToggle, new[] { Toggle }, new[] { "toggle one", "Inner", "toggle two" }),
            (ListItem, InListItem, new[] { ListItem }, new[] { "item one", "item two" }),
            (LeftColumn, InLeftColumn, new[] { LeftColumn, ColumnList }, new[] { "left one", "left two" }),
            (Callout, InCallout, new[] { Callout }, new[] { "callout one", "callout two" }),
            (Synced, InSynced, new[] { Synced }, new[] { "synced one", "synced two" }),
        };

        foreach (var (parent, anchor, ancestors, before) in anchors)
        {
            Assert.Equal(before, ChildTexts(parent));

            var result = Session.Run("Set-NotionPageContent -PageId $page -Markdown 'inserted' -After $anchor -Verbose -Debug", Vars(("page", Page), ("anchor", anchor)));

            Assert.Empty(result.Errors);

            // The block and each ancestor up to the page are read, one request each; nothing is listed.
            var expected = new[] { "GET v1/blocks/" + anchor }.Concat(ancestors.Select(id => "GET v1/blocks/" + id)).Append($"PATCH v1/blocks/{parent}/children");
            Assert.Equal(expected, RequestCountTests.SentBy(result));
            var placement = version == "2026-03-11" ? $"\"after_block\":{{\"id\":\"{anchor}\"}}" : $"\"after\":\"{anchor}\"";
            Assert.Contains(result.Debug, line => line.Message.Contains(placement, StringComparison.Ordinal));
            Assert.Equal(before.Take(1).Append("inserted").Concat(before.Skip(1)), ChildTexts(parent));
        }

        Assert.Equal(new[] { "Intro", "Details", "item", "column_list", "Note", "synced_block", "table" }, ChildTexts(Page));
    }

    [Fact]
    public async Task ALinkToABlockNamesTheBlockAfterItsHashNotThePage()
    {
        await SeedAsync();
        Connect("2026-03-11");
        var link = $"https://www.notion.so/acme/Nested-{Page.Replace("-", string.Empty)}#{InCallout.Replace("-", string.Empty)}";

        var result = Session.Run("Set-NotionPageContent -PageId $page -Markdown 'inserted' -After $link", Vars(("page", Page), ("link", link)));

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { "callout one", "inserted", "callout two" }, ChildTexts(Callout));
    }

    [Theory]
    [InlineData("2025-09-03")]
    [InlineData("2026-03-11")]
    public async Task MarkdownDeeperThanARequestNestsAfterANestedBlockGoesInSeveralRequests(string version)
    {
        await SeedAsync();
        Connect(version);

        var result = Session.Run("Set-NotionPageContent -PageId $page -Markdown \"- a`n  - b`n    - c`n      - d\" -After $anchor -Verbose", Vars(("page", Page), ("anchor", InLeftColumn)));

        Assert.Empty(result.Errors);
        var patches = RequestCountTests.SentBy(result).Where(request => request.StartsWith("PATCH", StringComparison.Ordinal)).ToList();

        // "a" alone after the anchor in its column (its descendants go three levels down), then b, c and d under it.
        Assert.Equal(2, patches.Count);
        Assert.Equal($"PATCH v1/blocks/{LeftColumn}/children", patches[0]);
        Assert.Equal(new[] { "left one", "a", "left two" }, ChildTexts(LeftColumn));
        var tree = Session.Run(
            "$column = (Get-NotionPageContent -PageId $page -AsBlocks)[3].children[0]; $a = $column.children[1]; $a.id; $a.children[0].children[0].children[0].bulleted_list_item.rich_text[0].plain_text",
            Vars(("page", Page)));
        Assert.Empty(tree.Errors);
        Assert.Equal($"PATCH v1/blocks/{tree.Output[0].BaseObject}/children", patches[1]);
        Assert.Equal("d", tree.Output[1].BaseObject);
    }

    [Fact]
    public async Task AHeadingIsFoundAtAnyDepthTheShallowestWinsAndTheSameTextTwiceThereIsAmbiguous()
    {
        await SeedAsync();
        Connect("2026-03-11");

        var found = Session.Run(
            """
            Set-NotionPageContent -PageId $page -Markdown 'under right' -After 'Right'
            Set-NotionPageContent -PageId $page -Markdown 'under inner' -After '## inner'
            """,
            Vars(("page", Page)));

        Assert.Empty(found.Errors);
        Assert.Equal(new[] { "Right", "under right", "right two" }, ChildTexts(RightColumn));
        Assert.Equal(new[] { "toggle one", "Inner", "under inner", "toggle two" }, ChildTexts(Toggle));

        // A top-level "Inner" as well as the toggle's: the shallower one is meant.
        var shallower = Session.Run(
            """
            Set-NotionPageContent -PageId $page -Markdown '# Inner' -After 'Intro'
            Set-NotionPageContent -PageId $page -Markdown 'under top inner' -After 'Inner'
            """,
            Vars(("page", Page)));

        Assert.Empty(shallower.Errors);
        Assert.Equal(new[] { "Intro", "Inner", "under top inner", "Details" }, ChildTexts(Page).Take(4));
        Assert.Equal(new[] { "toggle one", "Inner", "under inner", "toggle two" }, ChildTexts(Toggle));

        var refused = Session.Run(
            """
            $null = New-NotionPage -ParentId $page -Title 'Sub' -Markdown '# Only on the subpage'
            Set-NotionPageContent -PageId $page -Markdown '# Inner' -After 'Intro'
            Set-NotionPageContent -PageId $page -Markdown 'x' -After 'Inner'
            Set-NotionPageContent -PageId $page -Markdown 'x' -After 'Only on the subpage'
            """,
            Vars(("page", Page)));

        Assert.Equal(
            new[] { "NotionPageAnchorAmbiguous,NotionPS.Cmdlets.SetNotionPageContentCommand", "NotionPageAnchorNotFound,NotionPS.Cmdlets.SetNotionPageContentCommand" },
            refused.Errors.Select(error => error.FullyQualifiedErrorId));

        // The two top-level "Inner"s are named, so the ID of the one meant can be given; the toggle's, deeper, is not one of them.
        var blocks = Session.Run("Get-NotionPageContent -PageId $page -AsBlocks", Vars(("page", Page))).Output;
        var topInners = blocks.Where(block => TextOf(block) == "Inner").Select(block => (string)block.Properties["id"].Value).ToList();
        Assert.Equal(2, topInners.Count);
        Assert.All(topInners, id => Assert.Contains(id, refused.Errors[0].Exception.Message, StringComparison.Ordinal));
        Assert.DoesNotContain((string)Find(blocks, Toggle)![1].Properties["id"].Value, refused.Errors[0].Exception.Message, StringComparison.Ordinal);

        // Every heading of the page is listed, shallowest first; a heading of a child page is that page's: not looked for, not listed.
        Assert.Contains("\"Intro\", \"Inner\", \"Inner\", \"Inner\", \"Right\"", refused.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("subpage", refused.Errors[1].Exception.Message.Split("Its headings")[1], StringComparison.Ordinal);
        Assert.Equal(new[] { "Intro", "Inner", "Inner", "under top inner", "Details" }, ChildTexts(Page).Take(5));
    }

    [Fact]
    public async Task ABlockOfAnotherPageOrOneNothingCanFollowIsRefusedBeforeWritingAndTheOtherPagesAreWritten()
    {
        await SeedAsync();
        Connect("2025-09-03");
        var before = Session.Run("Get-NotionPageContent -PageId $page -AsBlocks | ConvertTo-Json -Depth 30", Vars(("page", Page))).Output.Single().BaseObject;

        var result = Session.Run(
            """
            $sub = New-NotionPage -ParentId $page -Title 'Sub' -Markdown 'on the subpage'
            $onSub = (Get-NotionPageContent -PageId $sub -AsBlocks)[0].id
            $page, $other | Set-NotionPageContent -Markdown 'after elsewhere' -After $elsewhere
            Set-NotionPageContent -PageId $page -Markdown 'x' -After $onSub
            Set-NotionPageContent -PageId $page -Markdown 'x' -After $row
            Set-NotionPageContent -PageId $page -Markdown 'x' -After $column
            Set-NotionPageContent -PageId $page -Markdown 'x' -After $page
            Set-NotionPageContent -PageId $page -Markdown 'x' -After ([guid]::NewGuid().ToString())
            Remove-NotionPage -PageId $sub -Confirm:$false
            Get-NotionPageContent -PageId $other
            """,
            Vars(("page", Page), ("other", OtherPage), ("elsewhere", OnOtherPage), ("row", TableRow), ("column", LeftColumn)));

        Assert.Equal(
            new[] { "NotionPageAnchorOnOtherPage", "NotionPageAnchorOnOtherPage", "NotionPageAnchorTakesNoSiblings", "NotionPageAnchorTakesNoSiblings", "NotionPageAnchorTakesNoSiblings", "NotionPageAnchorNotFound" }
                .Select(id => id + ",NotionPS.Cmdlets.SetNotionPageContentCommand"),
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors.Take(5), error => Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category));
        Assert.Equal(ErrorCategory.ObjectNotFound, result.Errors[5].CategoryInfo.Category);
        Assert.Contains($"it is on page {OtherPage}", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("is a table_row", result.Errors[2].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("is a column", result.Errors[3].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("is the page itself", result.Errors[4].Exception.Message, StringComparison.Ordinal);
        Assert.All(result.Errors, error => Assert.Contains("-After", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal));

        // The other page, given in the same pipeline, was written; this page is as it was.
        Assert.Equal("elsewhere\n\nafter elsewhere\n", result.Output.Last().BaseObject);
        Assert.Equal(before, Session.Run("Get-NotionPageContent -PageId $page -AsBlocks | ConvertTo-Json -Depth 30", Vars(("page", Page))).Output.Single().BaseObject);
    }
}
