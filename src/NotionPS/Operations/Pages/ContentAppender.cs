using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// Writes a block tree to a page in the requests <see cref="AppendPlanner"/> plans, in order, keeping the new
    /// blocks' IDs for the requests that append under or after them. A request that fails after another was written
    /// stops the run with a <see cref="PageWriteException"/> that names the Markdown lines written and not written; the
    /// first failing is Notion's own error, as nothing changed.
    /// </summary>
    internal sealed class ContentAppender
    {
        private readonly NotionClient client;
        private readonly INotionLog log;

        public ContentAppender(NotionClient client, INotionLog log)
        {
            this.client = client;
            this.log = log;
        }

        /// <param name="parentId">The page, or the block of the page the blocks go under.</param>
        /// <param name="what">What the failure message calls the page ("Page \"Report\" (id) was created, and").</param>
        /// <returns>How many blocks were written.</returns>
        /// <exception cref="PageWriteException">A request failed; the ones before it were written.</exception>
        /// <exception cref="NotionException">The first request failed; nothing was written.</exception>
        public Task<int> AppendAsync(string pageId, string parentId, IReadOnlyList<ContentBlock> blocks, string? afterBlockId, string what, CancellationToken cancellationToken) =>
            RunAsync(pageId, AppendPlanner.Plan(blocks, parentId, afterBlockId), 0, what, cancellationToken);

        /// <summary>
        /// Runs the steps of <see cref="AppendPlanner.PlanNewPage"/> after the first, which the page's create request
        /// carried (its blocks' IDs are listed from the page if a later step needs them).
        /// </summary>
        /// <returns>How many blocks were written, the create request's included.</returns>
        /// <exception cref="PageWriteException">A request failed; the create and the requests before it were written.</exception>
        public Task<int> AppendAfterCreateAsync(string pageId, IReadOnlyList<AppendStep> steps, string what, CancellationToken cancellationToken) =>
            RunAsync(pageId, steps, 1, what, cancellationToken);

        private async Task<int> RunAsync(string pageId, IReadOnlyList<AppendStep> steps, int firstToSend, string what, CancellationToken cancellationToken)
        {
            // Null: a step already written whose new blocks' IDs are not known yet.
            var created = new List<IReadOnlyList<string>?>(Enumerable.Repeat<IReadOnlyList<string>?>(null, firstToSend));
            var childrenOf = new Dictionary<string, IReadOnlyList<string>>();
            var written = steps.Take(firstToSend).Sum(step => step.BlockCount);
            foreach (var step in steps.Skip(firstToSend))
            {
                try
                {
                    var parent = await ResolveAsync(pageId, step.Parent, created, childrenOf, cancellationToken).ConfigureAwait(false);
                    var after = step.After == null ? null : await ResolveAsync(pageId, step.After, created, childrenOf, cancellationToken).ConfigureAwait(false);
                    if (log.IsVerboseEnabled)
                    {
                        log.Verbose($"Appending {step.BlockCount} blocks (Markdown lines {PageWriteException.Ranges(step.Lines, AllLines(steps))}), request {step.Index + 1} of {steps.Count}.");
                    }

                    // The plan's JSON is sent as it is: each step is sent once, so it needs no copy.
                    var answer = await client.AppendBlockChildrenAsync(parent, step.Children, after, log, cancellationToken).ConfigureAwait(false);
                    created.Add(answer.Results.Select(block => JsonRead.String(block, "id") ?? string.Empty).ToList());
                    written += step.BlockCount;
                }
                // Before anything was written, Notion's refusal is the whole story (a missing page, no access).
                catch (NotionException ex) when (created.Count > 0)
                {
                    throw Midway(pageId, what, steps, step, written, ex);
                }
            }

            return written;
        }

        private static List<int> AllLines(IReadOnlyList<AppendStep> steps) => steps.SelectMany(step => step.Lines).ToList();

        private static PageWriteException Midway(string pageId, string what, IReadOnlyList<AppendStep> steps, AppendStep failed, int written, NotionException cause)
        {
            var allLines = AllLines(steps);
            var done = steps.Take(failed.Index).SelectMany(step => step.Lines);
            var notDone = steps.Skip(failed.Index).SelectMany(step => step.Lines);
            var total = steps.Sum(step => step.BlockCount);
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} of {2} blocks were written ({3} of {4} requests): the blocks starting on Markdown lines {5}. Request {6} failed, so the blocks starting on lines {7} were not written. {8}",
                what, written, total, failed.Index, steps.Count, PageWriteException.Ranges(done, allLines), failed.Index + 1, PageWriteException.Ranges(notDone, allLines), cause.Message);
            return new PageWriteException(pageId, message, cause);
        }

        /// <summary>The ID of a block the plan refers to: one that exists, the page, or one an earlier request created.</summary>
        private async Task<string> ResolveAsync(string pageId, BlockReference reference, List<IReadOnlyList<string>?> created, Dictionary<string, IReadOnlyList<string>> childrenOf, CancellationToken cancellationToken)
        {
            if (reference.Exists)
            {
                return reference.Id!;
            }

            if (reference.IsNewPage)
            {
                return pageId;
            }

            // Only the create request's blocks have no IDs yet: they are the page's first top-level blocks.
            var id = (created[reference.Step] ??= await TopLevelIdsAsync(pageId, cancellationToken).ConfigureAwait(false))[reference.Path[0]];
            foreach (var index in reference.Path.Skip(1))
            {
                if (!childrenOf.TryGetValue(id, out var children))
                {
                    children = childrenOf[id] = await TopLevelIdsAsync(id, cancellationToken).ConfigureAwait(false);
                }

                id = children[index];
            }

            return id;
        }

        private async Task<IReadOnlyList<string>> TopLevelIdsAsync(string blockId, CancellationToken cancellationToken) =>
            (await new BlockLister(client, log).TopLevelAsync(blockId, cancellationToken).ConfigureAwait(false))
                .Select(block => JsonRead.String(block, "id") ?? string.Empty).ToList();
    }
}
