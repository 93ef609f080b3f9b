using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace NotionPS.Operations
{
    /// <summary>
    /// One lookup per key (a schema, a move's destination) shared by every caller that asks while it runs or after it
    /// succeeded; a failed one is forgotten, so the next caller asks again, unless it is a final one (an answer that
    /// every caller would get again). Under a lock, not ConcurrentDictionary.GetOrAdd, whose factory (here a request)
    /// may run once for each caller asking at the same time.
    /// </summary>
    internal sealed class OncePerKey<T>
    {
        private readonly Dictionary<string, Task<T>> lookups;
        private readonly Func<Exception, bool> isFinalFailure;

        /// <param name="isFinalFailure">The failures kept as a success is, for every later caller to get; none when null.</param>
        public OncePerKey(StringComparer keyComparer, Func<Exception, bool>? isFinalFailure = null)
        {
            lookups = new Dictionary<string, Task<T>>(keyComparer);
            this.isFinalFailure = isFinalFailure ?? (_ => false);
        }

        /// <param name="lookup">Started only when no lookup for <paramref name="key"/> is running or has succeeded.</param>
        public async Task<T> GetAsync(string key, Func<Task<T>> lookup)
        {
            Task<T> running;
            lock (lookups)
            {
                if (!lookups.TryGetValue(key, out running))
                {
                    running = lookup();
                    lookups.Add(key, running);
                }
            }

            try
            {
                return await running.ConfigureAwait(false);
            }
            catch (Exception ex) when (!isFinalFailure(ex))
            {
                lock (lookups)
                {
                    // Only this failed lookup: one a later caller started after it failed stays.
                    if (lookups.TryGetValue(key, out var stored) && stored == running)
                    {
                        lookups.Remove(key);
                    }
                }

                throw;
            }
        }
    }
}
