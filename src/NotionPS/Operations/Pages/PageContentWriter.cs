using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;

namespace NotionPS.Operations
{
    /// <summary>
    /// Writes Markdown to an existing page: at the end, after a heading or block, or in place of its content. The
    /// Markdown is converted (and an anchor found) before anything is written.
    /// </summary>
    internal sealed class PageContentWriter
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        /// <summary>One for every page written: the workspace's upload limit is asked once.</summary>
        private readonly Files.ContentFileUploads fileUploads;

        public PageContentWriter(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = client.Redacting(log);
            fileUploads = new Files.ContentFileUploads(client, this.log);
        }

        /// <summary>
        /// Appends at the end, or right after <paramref name="anchor"/>: a heading's text or a block's ID, at any depth
        /// (see <see cref="AnchorFinder"/>), under the same parent as that block.
        /// </summary>
        /// <param name="blocks">The content, from <see cref="MarkdownToBlocks.Convert"/> (the caller converts it before anything is sent, under -WhatIf too).</param>
        /// <param name="files">The local files the blocks show, checked (<see cref="Files.ContentFileUploads.Check"/>).</param>
        /// <returns>How many blocks were written.</returns>
        /// <exception cref="PageInputException">The anchor is not on the page, is there more than once, or nothing may follow it.</exception>
        /// <exception cref="PageWriteException">Writing stopped midway.</exception>
        /// <exception cref="Files.NotionFileException">A local file the Markdown names cannot be sent; nothing was written.</exception>
        public async Task<int> AppendAsync(string pageId, IReadOnlyList<ContentBlock> blocks, string? anchor, IReadOnlyList<Files.ContentFile> files, CancellationToken cancellationToken)
        {
            var after = anchor == null ? null : await new AnchorFinder(client, log).FindAsync(pageId, anchor, cancellationToken).ConfigureAwait(false);
            if (anchor == null && files.Count > 0)
            {
                await CheckTakesContentAsync(pageId, cancellationToken).ConfigureAwait(false);
            }

            await fileUploads.UploadAsync(files, cancellationToken).ConfigureAwait(false);
            return await new ContentAppender(client, log).AppendAsync(pageId, after?.ParentId ?? pageId, blocks, after?.BlockId, $"Page {pageId}:", cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// That <paramref name="pageId"/> takes content, before local files leave the machine for it: Notion finds it (else its
        /// 404) and it is not a database, whose blocks Notion refuses only when they are written. Asked only when there are
        /// files to upload: otherwise the write itself finds out, at no extra request. An integration that may insert content
        /// but not read it is refused the read (403): it appends without the check, as it could before there was one.
        /// </summary>
        /// <exception cref="NotAPageException">The ID is a database's.</exception>
        private async Task CheckTakesContentAsync(string pageId, CancellationToken cancellationToken)
        {
            try
            {
                using (var block = await client.GetBlockAsync(pageId, log, cancellationToken).ConfigureAwait(false))
                {
                    if (JsonRead.String(block.RootElement, "type") == "child_database")
                    {
                        throw NotAPageException.Found(pageId);
                    }
                }
            }
            catch (NotionApiException refused) when (refused.Status == 403)
            {
                log.Verbose($"Page {pageId}: the integration may not read it, so it is not checked before the files are uploaded.");
            }
        }

        /// <summary>
        /// Writes the Markdown at the end, then moves the page's earlier blocks to the trash; child pages and databases
        /// stay (trashing their block would trash them). New content first: a failure leaves the old content whole.
        /// </summary>
        /// <returns>How many blocks were written.</returns>
        /// <exception cref="PageWriteException">Writing or trashing stopped midway; a failure before anything changed is Notion's own error.</exception>
        public async Task<int> ReplaceAsync(string pageId, IReadOnlyList<ContentBlock> blocks, IReadOnlyList<Files.ContentFile> files, CancellationToken cancellationToken)
        {
            // The old blocks are listed first: a page Notion does not find, or a database, fails there before any file is uploaded.
            var old = (await new BlockLister(client, log).TopLevelAsync(pageId, cancellationToken).ConfigureAwait(false))
                .Where(block => !PageContentReader.OwnContent.Contains(JsonRead.String(block, "type") ?? string.Empty))
                .Select(block => JsonRead.String(block, "id")!)
                .ToList();
            await fileUploads.UploadAsync(files, cancellationToken).ConfigureAwait(false);
            var written = await new ContentAppender(client, log).AppendAsync(pageId, pageId, blocks, null, $"Page {pageId} kept its old content, and of the new", cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < old.Count; i++)
            {
                try
                {
                    await client.DeleteBlockAsync(old[i], log, cancellationToken).ConfigureAwait(false);
                }
                // Nothing written and nothing trashed yet: Notion's refusal is the whole story.
                catch (Errors.NotionException ex) when (written > 0 || i > 0)
                {
                    var newContent = written > 0 ? $"the new content ({written} blocks) was written at the end, and " : string.Empty;
                    throw new PageWriteException(pageId,
                        $"Page {pageId}: {newContent}{i} of the {old.Count} old top-level blocks were moved to the trash; block {old[i]} and the {old.Count - i - 1} after it were not. {ex.Message}",
                        ex);
                }
            }

            return written;
        }
    }
}
