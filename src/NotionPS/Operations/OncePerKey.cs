using System;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using NotionPS.Errors;

namespace NotionPS.Operations
{
    /// <summary>
    /// One lookup per key (a schema, a move's destination) shared by every caller that asks while it runs or after it
    /// succeeded; a failed one is forgotten, so the next caller asks again, unless it is a final one (an answer that
    /// every caller would get again). Under a lock, not ConcurrentDictionary.GetOrAdd, whose factory (here a request)
    /// may run once for each caller asking at the same time.
    /// </summary>
    /// <remarks>
    /// Each caller of a failed lookup gets its own exception (see <see cref="OwnCopyOf"/>): callers on other threads
    /// throwing one instance would rewrite its stack trace at the same time, and what one added to it the others would see.
    /// </remarks>
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

            if (!running.IsCompleted)
            {
                // Waits without awaiting the lookup itself, which would throw its one exception here.
                await Task.WhenAny(running).ConfigureAwait(false);
            }

            if (running.Status == TaskStatus.RanToCompletion)
            {
                return running.Result;
            }

            // The lookup's own failure is thrown to no caller, so no caller's stack trace or Data lands on it.
            var failure = running.IsCanceled ? new TaskCanceledException(running) : OwnCopyOf(running.Exception!.InnerException!);
            if (!isFinalFailure(failure))
            {
                lock (lookups)
                {
                    // Only this failed lookup: one a later caller started after it failed stays.
                    if (lookups.TryGetValue(key, out var stored) && stored == running)
                    {
                        lookups.Remove(key);
                    }
                }
            }

            // Where the lookup failed stays in the copy's stack trace, and this caller's frames are added to it.
            ExceptionDispatchInfo.Capture(failure).Throw();
            throw new InvalidOperationException("Unreachable: ExceptionDispatchInfo.Throw throws.");
        }

        /// <summary>
        /// A failure of its own for one caller, which <c>catch</c> tells apart as it does the lookup's: a NotionPS failure
        /// copied with its type, id and facts; a cancellation as one with the same token; another exception as a new one of
        /// its type and message around it (the lookup's itself only for a type that cannot be made so).
        /// </summary>
        private static Exception OwnCopyOf(Exception failure) => failure switch
        {
            NotionException notion => notion.CopyForAnotherCaller(),
            OperationCanceledException canceled => new OperationCanceledException(canceled.Message, canceled, canceled.CancellationToken),
            _ => failure.GetType().GetConstructor(new[] { typeof(string), typeof(Exception) })?.Invoke(new object[] { failure.Message, failure }) as Exception ?? failure,
        };
    }
}
