using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using NotionPS.Content;
using Xunit;

namespace NotionPS.Tests.Content;

public class AppendPlannerTests
{
    private const string PageId = "page";

    /// <summary>
    /// Runs a plan as Notion would take it: checks each request against Notion's limits, gives every new block
    /// an ID, resolves each step's parent and "after" from earlier steps, and keeps the resulting page tree.
    /// </summary>
    private sealed class FakeNotion
    {
        private readonly Dictionary<string, List<Node>> _children = new() { [PageId] = new List<Node>() };
        private readonly List<List<Node>> _results = new();
        private int _nextId;

        public sealed record Node(string Id, string Json);

        public void Run(IReadOnlyList<AppendStep> steps)
        {
            _results.Clear();
            foreach (var step in steps)
            {
                Assert.Equal(_results.Count, step.Index);
                var payload = new JsonObject { ["children"] = step.Children.DeepClone() }.ToJsonString();
                Assert.True(Encoding.UTF8.GetByteCount(payload) <= 500_000, $"step {step.Index} is {payload.Length} bytes");
                var count = CheckArray(step.Children, 0);
                Assert.True(count <= 1000, $"step {step.Index} holds {count} blocks");
                Assert.Equal(count, step.BlockCount);

                var parent = Resolve(step.Parent);
                var siblings = _children[parent];
                var at = step.After == null ? siblings.Count : siblings.FindIndex(node => node.Id == Resolve(step.After)) + 1;
                Assert.True(at > 0 || step.After == null);
                var created = step.Children.Select(child => Create(child!.AsObject())).ToList();
                siblings.InsertRange(at, created);
                _results.Add(created);
            }
        }

        /// <summary>The page as Markdown-free JSON text: each block's own JSON and its children, in order.</summary>
        public string Tree(string id = PageId) =>
            "[" + string.Join(",", _children[id].Select(node => node.Json + Tree(node.Id))) + "]";

        private static int CheckArray(JsonArray array, int level)
        {
            Assert.True(array.Count <= 100, $"an array of {array.Count} blocks");
            Assert.True(level <= 2, "more than two levels of nesting");
            var count = 0;
            foreach (var block in array.Select(item => item!.AsObject()))
            {
                var type = block["type"]!.GetValue<string>();
                count++;
                if (block[type]!["children"] is JsonArray children)
                {
                    count += CheckArray(children, level + 1);
                }
                else
                {
                    Assert.NotEqual("table", type);
                }
            }

            return count;
        }

        private Node Create(JsonObject block)
        {
            var type = block["type"]!.GetValue<string>();
            var children = block[type]!["children"] as JsonArray;
            var own = (JsonObject)block.DeepClone();
            own[type]!.AsObject().Remove("children");
            var node = new Node("b" + _nextId++, own.ToJsonString());
            _children[node.Id] = children?.Select(child => Create(child!.AsObject())).ToList() ?? new List<Node>();
            return node;
        }

        private string Resolve(BlockReference reference)
        {
            if (reference.Exists)
            {
                return reference.Id!;
            }

            Assert.True(reference.Step < _results.Count, "a step refers to a later one");
            var node = _results[reference.Step][reference.Path[0]];
            foreach (var index in reference.Path.Skip(1))
            {
                node = _children[node.Id][index];
            }

            return node.Id;
        }
    }

    private static bool HoldsATable(JsonArray blocks) =>
        blocks.Select(block => block!.AsObject()).Any(block =>
            block["type"]!.GetValue<string>() == "table" || block[block["type"]!.GetValue<string>()]!["children"] is JsonArray children && HoldsATable(children));

    private static string Expected(IEnumerable<ContentBlock> blocks) =>
        "[" + string.Join(",", blocks.Select(block => block.ToJson(0).ToJsonString() + Expected(block.Children))) + "]";

    private static (FakeNotion Notion, IReadOnlyList<AppendStep> Steps) Run(List<ContentBlock> blocks, string? after = null)
    {
        var notion = new FakeNotion();
        var steps = AppendPlanner.Plan(blocks, PageId, after);
        notion.Run(steps);
        return (notion, steps);
    }

    [Fact]
    public void AThousandBlockDocumentIsWrittenInOrderInTenRequests()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, 1000).Select(n => $"Paragraph {n}"));
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown);

        var (notion, steps) = Run(blocks);

        Assert.Equal(10, steps.Count);
        Assert.All(steps, step => Assert.Equal(100, step.Children.Count));
        Assert.Equal(Expected(blocks), notion.Tree());
        Assert.Equal(new[] { 1, 201 }, steps.Take(2).Select(step => step.FirstLine));
    }

    [Fact]
    public void AFiveLevelNestedListGoesDeeperInLaterStepsEachUnderATopLevelBlockOfTheStepBefore()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "- 1\n  - 2\n    - 3\n      - 4\n        - 5\n- after\n");

        var (notion, steps) = Run(blocks);

        // 1 and "after"; 2 under 1; 3 (holding 4 holding 5) under 2: each parent named by an answer, none listed.
        Assert.Equal(3, steps.Count);
        Assert.Equal(new[] { 0, 1 }, steps.Skip(1).Select(step => step.Parent.Step));
        Assert.All(steps.Skip(1), step => Assert.Equal(new[] { 0 }, step.Parent.Path));
        Assert.Equal(Expected(blocks), notion.Tree());
    }

    [Fact]
    public void WideAndDeepTreesRespectEveryLimit()
    {
        // 101 items, each with 101 children, each with 2 grandchildren and a great-grandchild: arrays over 100,
        // requests over 1,000 elements, and nesting over two levels, all at once.
        var markdown = new StringBuilder();
        for (var i = 0; i < 101; i++)
        {
            markdown.Append("- item ").Append(i).Append('\n');
            for (var j = 0; j < 101; j++)
            {
                markdown.Append("  - child ").Append(j).Append('\n');
                for (var k = 0; k < 2; k++)
                {
                    markdown.Append("    - grandchild ").Append(k).Append("\n      - leaf\n");
                }
            }
        }

        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), markdown.ToString());

        var (notion, steps) = Run(blocks);

        Assert.Equal(Expected(blocks), notion.Tree());
        Assert.True(steps.Count > 101 * 101 * 5 / 1000, $"{steps.Count} steps");
    }

    [Fact]
    public void LaterBatchesGoAfterTheBlocksOfTheBatchBeforeWhenWritingAfterABlock()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), string.Join("\n\n", Enumerable.Range(1, 250).Select(n => $"P{n}")));
        var notion = new FakeNotion();
        notion.Run(AppendPlanner.Plan(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "first\n\nlast"), PageId));

        var steps = AppendPlanner.Plan(blocks, PageId, "b0");
        notion.Run(steps);

        Assert.Equal("b0", steps[0].After!.Id);
        Assert.Equal(new[] { 99 }, steps[1].After!.Path);
        Assert.Equal(0, steps[1].After!.Step);
        var tree = notion.Tree();
        Assert.True(tree.IndexOf("\"first\"", StringComparison.Ordinal) < tree.IndexOf("\"P1\"", StringComparison.Ordinal));
        Assert.True(tree.IndexOf("\"P250\"", StringComparison.Ordinal) < tree.IndexOf("\"last\"", StringComparison.Ordinal));
        Assert.True(tree.IndexOf("\"P100\"", StringComparison.Ordinal) < tree.IndexOf("\"P101\"", StringComparison.Ordinal));
    }

    [Fact]
    public void ATableTravelsWithItsFirstRowsAndNeverAtTheThirdLevel()
    {
        var table = "| h |\n|---|\n" + string.Concat(Enumerable.Range(1, 250).Select(n => $"| r{n} |\n"));
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "- a\n  - b\n\n" + "- c\n  - d\n\n" + string.Join("\n", table.Split('\n').Select(line => line.Length == 0 ? line : "    " + line)));

        var (notion, steps) = Run(blocks);

        Assert.Equal(Expected(blocks), notion.Tree());
        Assert.Contains(steps, step => HoldsATable(step.Children));
    }

    [Fact]
    public void LargeBlocksAreSplitByPayloadSize()
    {
        // 60 paragraphs of 60,000 "é" (6 bytes each as escaped JSON, about 360 KB a block): one or two blocks a request.
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), string.Join("\n\n", Enumerable.Range(0, 60).Select(_ => new string('é', 60_000))));

        var (notion, steps) = Run(blocks);

        Assert.True(steps.Count > 1, "one request would be over 500 KB");
        Assert.Equal(Expected(blocks), notion.Tree());
    }

    [Fact]
    public void RequestsFillUpToThePayloadLimitAndANewPagesCreateLeavesRoomForItsOtherFields()
    {
        // 200 paragraphs of 2,000 "é" (about 12 KB each as escaped JSON): 41 of them fill a request.
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), string.Join("\n\n", Enumerable.Range(0, 200).Select(_ => new string('é', 2_000))));
        int Bytes(IEnumerable<ContentBlock> sent) => sent.Sum(block => Encoding.UTF8.GetByteCount(block.ToJson(0).ToJsonString()) + 16);

        var appends = AppendPlanner.Plan(blocks, PageId);
        var created = AppendPlanner.PlanNewPage(blocks, 100_000);

        var first = appends[0].Children.Count;
        Assert.InRange(Bytes(blocks.Take(first)), 0, AppendPlanner.MaxPayloadBytes);
        Assert.True(Bytes(blocks.Take(first + 1)) > AppendPlanner.MaxPayloadBytes, "the first request could have taken one block more");
        var createFirst = created[0].Children.Count;
        Assert.InRange(Bytes(blocks.Take(createFirst)), 0, AppendPlanner.MaxPayloadBytes - 100_000);
        Assert.True(Bytes(blocks.Take(createFirst + 1)) > AppendPlanner.MaxPayloadBytes - 100_000, "the create could have taken one block more");
        Assert.Equal(blocks.Count - createFirst, created.Skip(1).Sum(step => step.Children.Count));
    }

    [Fact]
    public void ABlockLargerThanOneRequestIsAnError()
    {
        var blocks = MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "ok\n\n```\n" + new string('\u0001', 150_000) + "\n```\n");

        var error = Assert.Throws<MarkdownContentException>(() => AppendPlanner.Plan(blocks, PageId));

        Assert.Equal(MarkdownContentException.BlockTooLarge, error.ErrorId);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void AnEmptyDocumentNeedsNoRequest()
    {
        Assert.Empty(AppendPlanner.Plan(MarkdownToBlocks.Convert(new NotionPS.Tests.Client.RecordingLog(), "\n\n"), PageId));
    }
}
