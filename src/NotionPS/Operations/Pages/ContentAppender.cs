using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;
using NotionPS.Content;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// Writes a block tree to a page in the requests <see cref="AppendPlanner"/> plans, in order, keeping the new
    /// blocks' IDs for the requests that append under or after them. A request that fails stops the run with a
    /// <see cref="PageWriteException"/> that names the Markdown lines written and not written.
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

        /// <param name="what">What the failure message calls the page ("Page \"Report\" (id) was created, and").</param>
        /// <returns>How many blocks were written.</returns>
        /// <exception cref="PageWriteException">A request failed; the ones before it were written.</exception>
        public async Task<int> AppendAsync(string pageId, IReadOnlyList<ContentBlock> blocks, string? afterBlockId, string what, CancellationToken cancellationToken)
        {
            var steps = AppendPlanner.Plan(blocks, pageId, afterBlockId);
            var allLines = steps.SelectMany(step => step.Lines).ToList();
            var created = new List<IReadOnlyList<string>>();
            var childrenOf = new Dictionary<string, IReadOnlyList<string>>();
            var written = 0;
            foreach (var step in steps)
            {
                try
                {
                    var parent = await ResolveAsync(step.Parent, created, childrenOf, cancellationToken).ConfigureAwait(false);
                    var after = step.After == null ? null : await ResolveAsync(step.After, created, childrenOf, cancellationToken).ConfigureAwait(false);
                    log.Verbose($"Appending {step.BlockCount} blocks (Markdown lines {PageWriteException.Ranges(step.Lines, allLines)}), request {step.Index + 1} of {steps.Count}.");
                    var answer = await client.AppendBlockChildrenAsync(parent, (JsonArray)step.Children.DeepClone(), after, log, cancellationToken).ConfigureAwait(false);
                    created.Add(answer.Results.Select(block => JsonRead.String(block, "id") ?? string.Empty).ToList());
                    written += step.BlockCount;
                }
                catch (NotionException ex)
                {
                    throw Midway(pageId, what, steps, allLines, step, written, ex);
                }
            }

            return written;
        }

        private static PageWriteException Midway(string pageId, string what, IReadOnlyList<AppendStep> steps, IReadOnlyList<int> allLines, AppendStep failed, int written, NotionException cause)
        {
            var done = steps.Take(failed.Index).SelectMany(step => step.Lines);
            var notDone = steps.Skip(failed.Index).SelectMany(step => step.Lines);
            var total = steps.Sum(step => step.BlockCount);
            var message = string.Format(
                CultureInfo.InvariantCulture,
                "{0} {1} of {2} blocks were written ({3} of {4} requests): the blocks starting on Markdown lines {5}. Request {6} failed, so the blocks starting on lines {7} were not written. {8}",
                what, written, total, failed.Index, steps.Count, PageWriteException.Ranges(done, allLines), failed.Index + 1, PageWriteException.Ranges(notDone, allLines), cause.Message);
            return new PageWriteException(pageId, message, cause);
        }

        /// <summary>The ID of a block the plan refers to: one that exists, or one an earlier request created.</summary>
        private async Task<string> ResolveAsync(BlockReference reference, List<IReadOnlyList<string>> created, Dictionary<string, IReadOnlyList<string>> childrenOf, CancellationToken cancellationToken)
        {
            if (reference.Exists)
            {
                return reference.Id!;
            }

            var id = created[reference.Step][reference.Path[0]];
            foreach (var index in reference.Path.Skip(1))
            {
                if (!childrenOf.TryGetValue(id, out var children))
                {
                    children = childrenOf[id] = (await new BlockLister(client, log).TopLevelAsync(id, cancellationToken).ConfigureAwait(false))
                        .Select(block => JsonRead.String(block, "id") ?? string.Empty).ToList();
                }

                id = children[index];
            }

            return id;
        }
    }
}
