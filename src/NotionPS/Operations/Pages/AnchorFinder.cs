using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Ids;

namespace NotionPS.Operations
{
    /// <summary>
    /// Finds the block that content goes right after, at any depth of a page, and the page or block that holds it.
    /// A block's ID is read with its ancestors up to the page, one request a level, and no list: it must be on this
    /// page. A heading's text is looked for a level at a time, from the page's own blocks down, and the shallowest
    /// level that has it wins (the same text twice there is ambiguous): a heading of the page itself costs one list,
    /// as before headings in toggles and columns were found, and only a heading not found reads the whole tree. Child
    /// pages and databases, and synced blocks that show another synced block's content, are not read into: their
    /// blocks are other pages'.
    /// </summary>
    internal sealed class AnchorFinder
    {
        /// <summary>Deeper than any page nests blocks: a walk that gets here is going round (an answer that loops back).</summary>
        private const int MaxDepth = 100;

        /// <summary>How many of the page's headings a not-found message lists.</summary>
        private const int HeadingsListed = 20;

        private static readonly HashSet<string> Headings = new HashSet<string> { "heading_1", "heading_2", "heading_3" };

        /// <summary>Blocks only their own kind may follow: nothing Markdown makes can go after them.</summary>
        private static readonly HashSet<string> OnlyAmongTheirKind = new HashSet<string> { "column", "table_row" };

        private readonly NotionClient client;
        private readonly INotionLog log;

        public AnchorFinder(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="anchor">A block's ID or link, or a heading's text (any #s in front ignored, case ignored).</param>
        /// <exception cref="PageInputException">The anchor is not on the page, is there more than once, or nothing may follow it.</exception>
        public Task<ContentAnchor> FindAsync(string pageId, string anchor, CancellationToken cancellationToken)
        {
            var id = BlockIdOf(anchor);
            return id != null ? ByIdAsync(pageId, anchor, id, cancellationToken) : ByHeadingAsync(pageId, anchor, cancellationToken);
        }

        /// <summary>The block an anchor names by ID: a link to a block (Notion's "Copy link to block") names its page in the path and the block after the #.</summary>
        private static string? BlockIdOf(string anchor) => (NotionIdParser.Parse(anchor, NotionIdSubject.Block) as ParsedNotionId)?.Id;

        private async Task<ContentAnchor> ByIdAsync(string pageId, string anchor, string id, CancellationToken cancellationToken)
        {
            if (SameId(id, pageId))
            {
                throw PageInputException.AnchorTakesNoSiblings(anchor, pageId, "is the page itself, not one of its blocks");
            }

            var block = await ReadBlockAsync(id, cancellationToken).ConfigureAwait(false);
            if (block == null || JsonRead.Bool(block.Value, "in_trash") == true || JsonRead.Bool(block.Value, "archived") == true)
            {
                throw PageInputException.BlockAnchorNotFound(anchor, pageId);
            }

            var type = JsonRead.String(block.Value, "type") ?? string.Empty;
            if (OnlyAmongTheirKind.Contains(type))
            {
                throw PageInputException.AnchorTakesNoSiblings(anchor, pageId, $"is a {type}: only another {type} can follow it");
            }

            var parent = ParentOf(block.Value);
            var ancestor = parent;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
            while (ancestor.Kind == "block_id")
            {
                // An answer whose parents loop back, or go on deeper than Notion nests, leads to no page.
                if (ancestor.Id == null || !seen.Add(ancestor.Id) || seen.Count > MaxDepth)
                {
                    throw PageInputException.AnchorOnOtherPage(anchor, pageId, "no page (its parents do not lead to one)");
                }

                ancestor = await ReadBlockAsync(ancestor.Id, cancellationToken).ConfigureAwait(false) is { } above
                    ? ParentOf(above)
                    : throw PageInputException.BlockAnchorNotFound(anchor, pageId);
            }

            if (ancestor.Kind != "page_id" || !SameId(ancestor.Id, pageId))
            {
                throw PageInputException.AnchorOnOtherPage(anchor, pageId, ancestor.Kind == "page_id" ? "page " + ancestor.Id : "no page (its parent is a " + ancestor.Kind + ")");
            }

            return new ContentAnchor(parent.Id!, JsonRead.String(block.Value, "id")!);
        }

        private async Task<ContentAnchor> ByHeadingAsync(string pageId, string anchor, CancellationToken cancellationToken)
        {
            var text = anchor.TrimStart('#').Trim();
            var headings = new List<string>();
            var level = new List<string> { pageId };
            var read = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { pageId };
            for (var depth = 0; level.Count > 0 && depth < MaxDepth; depth++)
            {
                var matches = new List<ContentAnchor>();
                var below = new List<string>();
                foreach (var parentId in level)
                {
                    foreach (var block in await new BlockLister(client, log).TopLevelAsync(parentId, cancellationToken).ConfigureAwait(false))
                    {
                        var type = JsonRead.String(block, "type") ?? string.Empty;
                        var id = JsonRead.String(block, "id")!;
                        if (Headings.Contains(type))
                        {
                            var shown = JsonRead.PlainText(JsonRead.Array(JsonRead.Object(block, type) ?? default, "rich_text")).Trim();
                            headings.Add("\"" + shown + "\"");
                            if (string.Equals(shown, text, StringComparison.OrdinalIgnoreCase))
                            {
                                matches.Add(new ContentAnchor(parentId, id));
                            }
                        }

                        if (HoldsOwnBlocks(block, type) && read.Add(id))
                        {
                            below.Add(id);
                        }
                    }
                }

                if (matches.Count == 1)
                {
                    return matches[0];
                }

                if (matches.Count > 1)
                {
                    throw PageInputException.AnchorAmbiguous(anchor, pageId, string.Join(", ", matches.ConvertAll(match => match.BlockId)));
                }

                level = below;
            }

            throw PageInputException.AnchorNotFound(anchor, pageId, headings.Count == 0 ? "none"
                : string.Join(", ", headings.Take(HeadingsListed)) + (headings.Count > HeadingsListed ? $" and {headings.Count - HeadingsListed} more" : string.Empty));
        }

        /// <summary>Whether a block's children are this page's and may hold a heading (a table's rows never do).</summary>
        private static bool HoldsOwnBlocks(JsonElement block, string type) =>
            JsonRead.Bool(block, "has_children") == true
            && type != "table"
            && !PageContentReader.OwnContent.Contains(type)
            && !(type == "synced_block" && JsonRead.Object(JsonRead.Object(block, type) ?? default, "synced_from") != null);

        /// <summary>The block, or null where Notion finds none this connection can see (404).</summary>
        private async Task<JsonElement?> ReadBlockAsync(string id, CancellationToken cancellationToken)
        {
            try
            {
                using (var document = await client.GetBlockAsync(id, log, cancellationToken).ConfigureAwait(false))
                {
                    return document.RootElement.Clone();
                }
            }
            catch (NotionApiException ex) when (ex.Status == 404)
            {
                return null;
            }
        }

        /// <summary>The kind of a block's parent (page_id, block_id, database_id, workspace...) and its ID where it has one.</summary>
        private static (string Kind, string? Id) ParentOf(JsonElement block)
        {
            var parent = JsonRead.Object(block, "parent") ?? default;
            var kind = JsonRead.String(parent, "type") ?? "unknown";
            return (kind, JsonRead.String(parent, kind));
        }

        private static bool SameId(string? a, string? b) =>
            NotionId.TryNormalize(a ?? string.Empty, out var first) && NotionId.TryNormalize(b ?? string.Empty, out var second) && first == second;
    }
}
