using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace NotionPS.Cmdlets
{
    /// <summary>What a title search for completion found: the IDs to insert, with their titles and kind ("page", "database").</summary>
    internal sealed class CompletionSearch
    {
        public CompletionSearch(IReadOnlyList<(string Id, string Title, string Kind)> hits, bool foundAll)
        {
            Hits = hits;
            FoundAll = foundAll;
        }

        public IReadOnlyList<(string Id, string Title, string Kind)> Hits { get; }

        /// <summary>Whether the hits are every match (one page of results), so a longer word's are among them.</summary>
        public bool FoundAll { get; }
    }

    /// <summary>
    /// The title searches completion sent, kept a short while for each connection: a completer runs at every Tab (an
    /// editor's at every keystroke), and every search spends the rate limit. A word asked about again gets the same
    /// hits; a word that goes on from one whose search found every match gets those whose title contains it.
    /// </summary>
    internal sealed class CompletionSearches
    {
        /// <summary>How long a search answers for: long enough for a word being typed, short enough to show a new page soon.</summary>
        public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

        private static readonly ConditionalWeakTable<NotionConnection, CompletionSearches> ByConnection = new ConditionalWeakTable<NotionConnection, CompletionSearches>();

        /// <summary>By what was searched for, then by the word, when each search was answered.</summary>
        private readonly Dictionary<string, Dictionary<string, (DateTime Time, CompletionSearch Search)>> searches =
            new Dictionary<string, Dictionary<string, (DateTime Time, CompletionSearch Search)>>(StringComparer.Ordinal);

        /// <summary>The hits for a word, from a search kept or else from <paramref name="search"/> (within the completion time limit); null when that failed.</summary>
        /// <param name="what">What is searched for ("database", "page or database"): searches of one kind answer only for that kind.</param>
        public static IReadOnlyList<(string Id, string Title, string Kind)>? Find(NotionConnection connection, string what, string word, Func<CancellationToken, Task<CompletionSearch>> search)
        {
            var kept = ByConnection.GetValue(connection, _ => new CompletionSearches());
            var hits = kept.Kept(what, word);
            if (hits != null)
            {
                return hits;
            }

            var found = Completion.Within(search);
            if (found != null)
            {
                kept.Keep(what, word, found);
            }

            return found?.Hits;
        }

        private IReadOnlyList<(string Id, string Title, string Kind)>? Kept(string what, string word)
        {
            lock (searches)
            {
                if (!searches.TryGetValue(what, out var byWord))
                {
                    return null;
                }

                var now = DateTime.UtcNow;
                if (byWord.TryGetValue(word, out var same) && now - same.Time < Lifetime)
                {
                    return same.Search.Hits;
                }

                var wider = byWord.FirstOrDefault(earlier => now - earlier.Value.Time < Lifetime && earlier.Value.Search.FoundAll && word.StartsWith(earlier.Key, StringComparison.OrdinalIgnoreCase));
                return wider.Value.Search?.Hits.Where(hit => hit.Title.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0).ToList();
            }
        }

        private void Keep(string what, string word, CompletionSearch search)
        {
            lock (searches)
            {
                if (!searches.TryGetValue(what, out var byWord))
                {
                    byWord = searches[what] = new Dictionary<string, (DateTime Time, CompletionSearch Search)>(StringComparer.OrdinalIgnoreCase);
                }

                var now = DateTime.UtcNow;
                foreach (var stale in byWord.Where(earlier => now - earlier.Value.Time >= Lifetime).Select(earlier => earlier.Key).ToList())
                {
                    byWord.Remove(stale);
                }

                byWord[word] = (now, search);
            }
        }
    }
}
