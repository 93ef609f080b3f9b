using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;

namespace NotionPS.Content
{
    /// <summary>
    /// A block the plan appends to or after: one that exists (<see cref="Id"/>), the page the first step creates
    /// (<see cref="IsNewPage"/>), or one an earlier step creates, found by <see cref="Step"/> and <see cref="Path"/>:
    /// Path[0] is its index in that step's children array (the same index in the step's <c>results</c>), each further
    /// index the n-th child of the block before it (read by listing that block's children once the step has run).
    /// </summary>
    internal sealed class BlockReference
    {
        private BlockReference(string? id, int step, IReadOnlyList<int> path)
        {
            Id = id;
            Step = step;
            Path = path;
        }

        public string? Id { get; }

        public int Step { get; }

        public IReadOnlyList<int> Path { get; }

        public bool Exists => Id != null;

        public bool IsNewPage => Id == null && Step < 0;

        /// <summary>The page whose create request carries the first step's children.</summary>
        public static BlockReference NewPage { get; } = new BlockReference(null, -1, Array.Empty<int>());

        public static BlockReference Existing(string id) => new BlockReference(id, -1, Array.Empty<int>());

        public static BlockReference Created(int step, IReadOnlyList<int> path) => new BlockReference(null, step, path.ToArray());

        public override string ToString() => Id ?? (IsNewPage ? "the new page" : $"step {Step} block {string.Join(".", Path)}");
    }

    /// <summary>One append request (or, for a new page, the first: its create request): these blocks (with the children that travel with them) under <see cref="Parent"/>, after <see cref="After"/> (null: at the end).</summary>
    internal sealed class AppendStep
    {
        public AppendStep(int index, BlockReference parent, BlockReference? after, JsonArray children, int blockCount, int firstLine, IReadOnlyList<int> lines)
        {
            Index = index;
            Parent = parent;
            After = after;
            Children = children;
            BlockCount = blockCount;
            FirstLine = firstLine;
            Lines = lines;
        }

        public int Index { get; }

        public BlockReference Parent { get; }

        public BlockReference? After { get; }

        /// <summary>The request's <c>children</c> array.</summary>
        public JsonArray Children { get; }

        /// <summary>Every block element the request holds, nested ones included.</summary>
        public int BlockCount { get; }

        /// <summary>The Markdown line of the step's first block, to say what was written when a step fails.</summary>
        public int FirstLine { get; }

        /// <summary>The Markdown line each block of the request starts on, nested ones included.</summary>
        public IReadOnlyList<int> Lines { get; }
    }

    /// <summary>
    /// Splits a block tree into append requests within Notion's limits: at most 100 blocks in any children array,
    /// two levels of nesting below the blocks a request sends, 1,000 block elements and 500 KB per request.
    /// Pure: the plan is data. Steps are ordered so that every parent exists before a step appends to it; the
    /// blocks of one parent are appended in order (each later batch after the previous batch's last block when the
    /// first went after a given block, else at the end), and a table travels with its first rows, as Notion
    /// requires. Whoever runs the plan sends each step's children to its parent and keeps the new blocks' IDs for
    /// the steps that refer to them. For a new page, the first step's children go in the page's create request, under
    /// the same limits as an append (Notion's create takes up to 100 children, two levels deep).
    /// </summary>
    internal static class AppendPlanner
    {
        public const int MaxBlocksPerArray = 100;
        public const int MaxNesting = 2;
        public const int MaxBlocksPerRequest = 1000;

        /// <summary>500 KB, less room for the request's envelope ("after"/"position", brackets).</summary>
        public const int MaxPayloadBytes = 500_000 - 1_000;

        /// <summary>What one block adds to a request besides its own JSON: a comma and a "children" array around it.</summary>
        private const int NestingOverhead = 16;

        /// <summary>The characters of <c>{"object":"block","type":"","":}</c>, which wrap a block's body and its type written twice.</summary>
        private const int EnvelopeBytes = 32;

        public static IReadOnlyList<AppendStep> Plan(IReadOnlyList<ContentBlock> blocks, string parentId, string? afterBlockId = null) =>
            Plan(blocks, BlockReference.Existing(parentId), afterBlockId == null ? null : BlockReference.Existing(afterBlockId), 0);

        /// <summary>The requests that write a new page's content: the first is its create request, whose other fields take <paramref name="createBodyBytes"/>.</summary>
        public static IReadOnlyList<AppendStep> PlanNewPage(IReadOnlyList<ContentBlock> blocks, int createBodyBytes) =>
            Plan(blocks, BlockReference.NewPage, null, createBodyBytes);

        private static IReadOnlyList<AppendStep> Plan(IReadOnlyList<ContentBlock> blocks, BlockReference root, BlockReference? rootAfter, int firstRequestTaken)
        {
            var steps = new List<AppendStep>();
            var sizes = new Dictionary<ContentBlock, int>();
            var pending = new Queue<(BlockReference Parent, List<ContentBlock> Blocks, BlockReference? After)>();
            pending.Enqueue((root, blocks.ToList(), rootAfter));
            while (pending.Count > 0)
            {
                var (parent, list, after) = pending.Dequeue();
                var next = 0;
                while (next < list.Count)
                {
                    var budget = new Budget(steps.Count == 0 ? firstRequestTaken : 0);
                    var children = new JsonArray();
                    var deferred = new List<(BlockReference, List<ContentBlock>)>();
                    var lines = new List<int>();
                    while (next < list.Count && children.Count < MaxBlocksPerArray)
                    {
                        var packed = Pack(list[next], 0, budget, steps.Count, new List<int> { children.Count }, deferred, sizes, lines);
                        if (packed == null)
                        {
                            break;
                        }

                        children.Add(packed);
                        next++;
                    }

                    if (children.Count == 0)
                    {
                        throw new MarkdownContentException(MarkdownContentException.BlockTooLarge, list[next].Line,
                            $"this {list[next].Type} block is larger than one Notion request may be ({MaxPayloadBytes / 1000:N0} KB of JSON); split its text into several blocks.");
                    }

                    steps.Add(new AppendStep(steps.Count, parent, after, children, budget.Blocks, list[next - children.Count].Line, lines));
                    if (after != null)
                    {
                        after = BlockReference.Created(steps.Count - 1, new[] { children.Count - 1 });
                    }

                    foreach (var item in deferred)
                    {
                        pending.Enqueue((item.Item1, item.Item2, null));
                    }
                }
            }

            return steps;
        }

        private static JsonObject? Pack(ContentBlock block, int level, Budget budget, int step, List<int> path, List<(BlockReference, List<ContentBlock>)> deferred, Dictionary<ContentBlock, int> sizes, List<int> lines)
        {
            var size = Size(block, sizes);
            var needed = size;
            var neededBlocks = 1;
            if (block.NeedsChildrenAtCreation && block.Children.Count > 0)
            {
                if (level >= MaxNesting)
                {
                    return null;
                }

                needed += Size(block.Children[0], sizes);
                neededBlocks++;
            }

            if (!budget.Fits(needed, neededBlocks))
            {
                return null;
            }

            budget.Take(size);
            lines.Add(block.Line);
            var json = block.ToJson(0);
            var included = 0;
            if (level < MaxNesting && block.Children.Count > 0)
            {
                var children = new JsonArray();
                while (included < block.Children.Count && included < MaxBlocksPerArray && FitsWhole(block.Children[included], level + 1))
                {
                    var packed = Pack(block.Children[included], level + 1, budget, step, new List<int>(path) { included }, deferred, sizes, lines);
                    if (packed == null)
                    {
                        break;
                    }

                    children.Add(packed);
                    included++;
                }

                if (children.Count > 0)
                {
                    json[block.Type]!["children"] = children;
                }
            }

            if (included < block.Children.Count)
            {
                deferred.Add((BlockReference.Created(step, path), block.Children.GetRange(included, block.Children.Count - included)));
            }

            return json;
        }

        /// <summary>
        /// Whether a block at this level can carry all its descendants. One that cannot waits for a later request in
        /// which it is a top-level block, named by that request's answer: its own children then go under it with no
        /// request to find its ID (an answer names only its top-level blocks; a deeper block's ID must be listed).
        /// A table is carried as it is, as Notion needs its rows in the same request.
        /// </summary>
        private static bool FitsWhole(ContentBlock block, int level) => block.NeedsChildrenAtCreation || level + Depth(block) <= MaxNesting;

        private static int Depth(ContentBlock block) => block.Children.Count == 0 ? 0 : 1 + block.Children.Max(Depth);

        /// <summary>
        /// The block's own JSON length (non-ASCII escaped, so never less than the UTF-8 bytes sent), plus its nesting
        /// overhead: its body serialized in place, and the envelope <see cref="ContentBlock.ToJson(int)"/> puts around it
        /// (<c>{"object":"block","type":"T","T":...}</c>), without building that copy.
        /// </summary>
        private static int Size(ContentBlock block, Dictionary<ContentBlock, int> sizes)
        {
            if (!sizes.TryGetValue(block, out var size))
            {
                size = Encoding.UTF8.GetByteCount(block.Body.ToJsonString()) + EnvelopeBytes + (2 * block.Type.Length) + NestingOverhead;
                sizes[block] = size;
            }

            return size;
        }

        private sealed class Budget
        {
            private int _bytes;

            public Budget(int taken)
            {
                _bytes = taken;
            }

            public int Blocks { get; private set; }

            public bool Fits(int bytes, int blocks) => _bytes + bytes <= MaxPayloadBytes && Blocks + blocks <= MaxBlocksPerRequest;

            public void Take(int bytes)
            {
                _bytes += bytes;
                Blocks++;
            }
        }
    }
}
