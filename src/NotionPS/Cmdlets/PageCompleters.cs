using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using NotionPS.Operations;

namespace NotionPS.Cmdlets
{
    /// <summary>Completes -PageId from the titles of the pages the integration can see; inserts the ID.</summary>
    public sealed class PageIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            PageCompletion.Pages(fakeBoundParameters, wordToComplete, includeDatabases: false);
    }

    /// <summary>Completes -ParentId from the titles of the pages and databases the integration can see; inserts the ID.</summary>
    public sealed class ParentIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            PageCompletion.Pages(fakeBoundParameters, wordToComplete, includeDatabases: true);
    }

    internal static class PageCompletion
    {
        /// <summary>Pages (and databases) whose title contains what was typed, found within the completion time limit.</summary>
        public static IEnumerable<CompletionResult> Pages(IDictionary fakeBoundParameters, string wordToComplete, bool includeDatabases)
        {
            var connection = Completion.ConnectionFor(fakeBoundParameters);
            if (connection == null)
            {
                return Array.Empty<CompletionResult>();
            }

            var title = wordToComplete.Trim('\'', '"');
            var found = CompletionSearches.Find(connection, includeDatabases ? "page or database" : "page", title, async cancellationToken =>
            {
                var search = new PageSearch(connection.Client, SilentLog.Instance);
                if (!includeDatabases)
                {
                    var (pages, foundAll) = await search.SearchAsync(title, cancellationToken).ConfigureAwait(false);
                    return new CompletionSearch(pages.Select(page => (page.PageId, page.Title, "page")).ToList(), foundAll);
                }

                var both = await search.SearchWithDatabasesAsync(title, cancellationToken).ConfigureAwait(false);
                return new CompletionSearch(
                    both.Pages.Select(page => (page.PageId, page.Title, "page")).Concat(both.Databases.Select(hit => (hit.DatabaseId, hit.Title, "database"))).ToList(),
                    both.FoundAll);
            });
            return (found ?? Array.Empty<(string Id, string Title, string Kind)>())
                .GroupBy(hit => hit.Id)
                .Select(group => group.First())
                .Select(hit => Completion.Result(hit.Id, string.IsNullOrEmpty(hit.Title) ? hit.Id : hit.Title, $"{hit.Title} ({hit.Kind})"))
                .ToList();
        }
    }
}
