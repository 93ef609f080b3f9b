using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using NotionPS.Client;

namespace NotionPS.Operations
{
    /// <summary>
    /// One page of a read, as <see cref="RowReader.NextAsync"/> hands it out: the page's new rows (read in
    /// place from the response) and the room the page takes in its slice's buffer. The rows are valid until
    /// the batch is disposed; disposing it returns the response's buffers and lets the slice read one more
    /// page ahead. Disposing twice does nothing.
    /// </summary>
    internal sealed class RowBatch : IDisposable
    {
        private readonly ListPage page;
        private Action? makeRoom;

        internal RowBatch(ListPage page, IReadOnlyList<JsonElement> rows, Action makeRoom)
        {
            this.page = page;
            this.makeRoom = makeRoom;
            Rows = rows;
        }

        public IReadOnlyList<JsonElement> Rows { get; }

        public void Dispose()
        {
            var release = Interlocked.Exchange(ref makeRoom, null);
            if (release != null)
            {
                page.Dispose();
                release();
            }
        }
    }
}
