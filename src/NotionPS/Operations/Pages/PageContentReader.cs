using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;

namespace NotionPS.Operations
{
    /// <summary>
    /// Reads a page's blocks with all their descendants, a page of 100 top-level blocks at a time: each block comes
    /// with a <c>children</c> array holding its children, read in full (every page of them) and each with its own.
    /// The blocks of a child page or child database are that page's or database's, and are not read.
    /// The blocks are read in place from the response, so each page of them is valid until the next is read or the
    /// reader is disposed.
    /// </summary>
    internal sealed class PageContentReader : IDisposable
    {
        /// <summary>Blocks that stand for a page or database of their own: their children are its content.</summary>
        internal static readonly HashSet<string> OwnContent = new HashSet<string> { "child_page", "child_database" };

        /// <summary>
        /// The most levels of blocks read, the page's own top-level blocks being level 1: Notion documents no limit and
        /// its editor nests as deep as a user indents. The bound keeps the copies made of each level (see
        /// <see cref="WithChildren"/>) and the Markdown writer's recursion small; AnchorFinder looks as deep.
        /// </summary>
        public const int MaxNesting = 100;

        /// <summary>
        /// Each level adds two levels of JSON (the block and its children array) to the block's own, which is at most
        /// as deep as the client reads an answer (System.Text.Json's default of 64), the depth a block copy is read back at.
        /// </summary>
        private static readonly JsonReaderOptions NestedBlockOptions = new JsonReaderOptions { MaxDepth = (2 * MaxNesting) + 64 };

        private readonly NotionClient client;
        private readonly INotionLog log;
        private readonly string pageId;
        private string? cursor;
        private bool done;

        /// <summary>The response the blocks <see cref="NextAsync"/> returned last are read from.</summary>
        private ListPage? current;

        public PageContentReader(NotionClient client, string pageId, INotionLog log)
        {
            this.client = client;
            this.pageId = pageId;
            this.log = log;
        }

        /// <summary>The next top-level blocks, each complete, valid until the next call; null when the page has no more.</summary>
        public async Task<IReadOnlyList<JsonElement>?> NextAsync(CancellationToken cancellationToken)
        {
            ReleaseCurrent();
            if (done)
            {
                return null;
            }

            current = await NextResponseAsync(cancellationToken).ConfigureAwait(false);
            return await WithDescendantsAsync(current.Results, 1, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The whole page as Markdown (see <see cref="BlocksToMarkdown"/>).</summary>
        public async Task<string> ReadMarkdownAsync(CancellationToken cancellationToken)
        {
            // Every page of blocks stays readable until the whole page is converted.
            var responses = new List<ListPage>();
            try
            {
                var blocks = new List<JsonElement>();
                while (!done)
                {
                    var response = await NextResponseAsync(cancellationToken).ConfigureAwait(false);
                    responses.Add(response);
                    blocks.AddRange(await WithDescendantsAsync(response.Results, 1, cancellationToken).ConfigureAwait(false));
                }

                return BlocksToMarkdown.Convert(blocks);
            }
            finally
            {
                responses.ForEach(response => response.Dispose());
            }
        }

        public void Dispose() => ReleaseCurrent();

        /// <summary>Returns the last page's response (its pooled buffers): its blocks are no longer read.</summary>
        private void ReleaseCurrent()
        {
            current?.Dispose();
            current = null;
        }

        private async Task<ListPage> NextResponseAsync(CancellationToken cancellationToken)
        {
            var response = await client.GetBlockChildrenAsync(pageId, cursor, log, cancellationToken).ConfigureAwait(false);
            cursor = response.HasMore ? response.NextCursor : null;
            done = cursor == null;
            return response;
        }

        /// <summary>
        /// The blocks, each with its descendants. A block without children to read is returned as it is: only a block
        /// with children is written anew (a copy of its own, holding its descendants).
        /// </summary>
        /// <param name="level">How deep <paramref name="blocks"/> are: 1 for the page's own.</param>
        /// <exception cref="PageContentTooDeepException">A block at level <see cref="MaxNesting"/> has children.</exception>
        private async Task<IReadOnlyList<JsonElement>> WithDescendantsAsync(IReadOnlyList<JsonElement> blocks, int level, CancellationToken cancellationToken)
        {
            List<JsonElement>? complete = null;
            for (var i = 0; i < blocks.Count; i++)
            {
                var block = blocks[i];
                if (HasChildrenToRead(block))
                {
                    if (level >= MaxNesting)
                    {
                        throw new PageContentTooDeepException(pageId, JsonRead.String(block, "id")!, MaxNesting);
                    }

                    var children = await new BlockLister(client, log).TopLevelAsync(JsonRead.String(block, "id")!, cancellationToken).ConfigureAwait(false);
                    complete ??= new List<JsonElement>(blocks);
                    complete[i] = WithChildren(block, await WithDescendantsAsync(children, level + 1, cancellationToken).ConfigureAwait(false));
                }
            }

            return complete ?? blocks;
        }

        private static bool HasChildrenToRead(JsonElement block) =>
            JsonRead.Bool(block, "has_children") == true && !OwnContent.Contains(JsonRead.String(block, "type") ?? string.Empty);

        /// <summary>The block with a <c>children</c> array of <paramref name="children"/>, last (in place of any it had).</summary>
        private static JsonElement WithChildren(JsonElement block, IReadOnlyList<JsonElement> children)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    foreach (var property in block.EnumerateObject())
                    {
                        if (!property.NameEquals("children"u8))
                        {
                            property.WriteTo(writer);
                        }
                    }

                    writer.WriteStartArray("children"u8);
                    foreach (var child in children)
                    {
                        child.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                }

                var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(buffer.GetBuffer(), 0, (int)buffer.Length), NestedBlockOptions);
                return JsonElement.ParseValue(ref reader);
            }
        }
    }
}
