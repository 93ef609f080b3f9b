using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// The heuristics that decide whether and where a read in created order is cut into slices: how many
    /// chains of cursors one page round trip needs under the rate limit (<see cref="ChainsFor"/>), where the
    /// rest of the created time is cut (<see cref="CutPoints"/>), and the one request that tells how far the
    /// rest goes (<see cref="NewestCreatedAsync"/>). Pure functions apart from that request, so the numbers
    /// can be tuned and tested without a server; <see cref="SliceReader"/> is the only caller.
    /// </summary>
    internal static class SlicePlanner
    {
        /// <summary>Chains of cursors in flight at most: enough for 3 requests/s at a round trip of up to a second.</summary>
        internal const int MaximumChains = 3;

        /// <summary>Pages a slice read ahead of its turn may hold (about 3.5 MB of JSON); also its target size.</summary>
        internal const int SlicePages = 20;

        /// <summary>
        /// Slices at most: the first page's density is a guess (a table that began with a bulk import is dense
        /// there and sparse after), and a slice that turns out empty still costs a request.
        /// </summary>
        internal const int MaximumSlices = 64;

        /// <summary>Rows still to read below which a cut is not worth its requests (two pages).</summary>
        internal const int RowsWorthACut = 2 * NotionClient.MaximumPageSize;

        /// <summary>How many chains a read needs for one page round trip: one while it fits in the limiter's interval.</summary>
        internal static int ChainsFor(TimeSpan roundTrip, double requestsPerSecond)
        {
            if (requestsPerSecond <= 0)
            {
                // No limit: the server's time per page overlaps the conversion of the page before; a third
                // chain would only fill its buffer sooner.
                return 2;
            }

            // A tenth of slack: a chain whose round trip is about the interval keeps up well enough.
            var needed = roundTrip.TotalSeconds * requestsPerSecond / 1.1;
            return (int)Math.Max(1, Math.Min(MaximumChains, Math.Ceiling(needed)));
        }

        /// <summary>
        /// Where to cut the created time after the first page: minute-aligned bounds between the newest
        /// minute read so far (exclusive) and the newest row's minute, so that each slice holds about
        /// <see cref="SlicePages"/> pages or fewer, and at least as many slices as chains. Empty when cutting
        /// is not worth it. A read that wants <paramref name="rowsLeft"/> rows more (-First) cuts only the minutes
        /// expected to hold them: the last slice runs on to the end, so a wrong guess costs evenness, not rows.
        /// </summary>
        internal static IReadOnlyList<DateTime> CutPoints(DateTime oldestRead, DateTime newestRead, int rowsRead, DateTime newest, int chains, long rowsLeft = RowReader.AllRows)
        {
            var cuts = new List<DateTime>();
            var minutesToNewest = Math.Floor((newest - newestRead).TotalMinutes);
            if (chains < 2 || minutesToNewest < 1 || rowsRead == 0)
            {
                return cuts;
            }

            // Rows per minute as the first page found them: a guess, but a wrong one only costs evenness.
            var perMinute = rowsRead / (Math.Floor((newestRead - oldestRead).TotalMinutes) + 1);
            var minutes = (int)Math.Min(minutesToNewest, Math.Ceiling(rowsLeft / perMinute));
            var expected = perMinute * minutes;
            if (expected < RowsWorthACut)
            {
                return cuts;
            }

            var perSlice = Math.Min(expected / chains, SlicePages * NotionClient.MaximumPageSize);
            var count = (int)Math.Min(Math.Min(minutes, MaximumSlices), Math.Ceiling(expected / perSlice));
            for (var i = 1; i < count; i++)
            {
                cuts.Add(newestRead.AddMinutes(Math.Ceiling((double)i * minutes / count)));
            }

            return cuts;
        }

        /// <summary>The created time of the newest row matching <paramref name="filter"/>, or null when none does.</summary>
        internal static async Task<DateTime?> NewestCreatedAsync(NotionClient client, string dataSourceId, JsonNode? filter, INotionLog log, CancellationToken cancellationToken)
        {
            using (var page = await client.QueryPageAsync(dataSourceId, filter, RowQuery.CreatedOrder("descending"), null, 1, log, cancellationToken).ConfigureAwait(false))
            {
                return page.Results.Count == 0 ? null : JsonRead.Time(page.Results[0], "created_time");
            }
        }
    }
}
