using NotionPS.Emulator.Behaviour;

namespace NotionPS.Emulator.Query;

/// <summary>
/// Cursor paging as Notion does it: the cursor is the ID of the first item of the next page, so it stays
/// valid while earlier items change.
/// </summary>
public static class Paging
{
    public readonly record struct Slice<T>(IReadOnlyList<T> Items, string? NextCursor);

    public static Slice<T> Take<T>(IReadOnlyList<T> all, Func<T, string> cursorOf, string? startCursor, int pageSize)
    {
        var start = 0;
        if (!string.IsNullOrEmpty(startCursor))
        {
            var wanted = Guid.TryParse(startCursor, out var id) ? id.ToString() : startCursor;
            start = all.Select(cursorOf).ToList().IndexOf(wanted);
            if (start < 0)
            {
                throw NotionException.Validation("start_cursor provided is invalid: " + startCursor);
            }
        }

        var items = all.Skip(start).Take(pageSize).ToList();
        var next = start + pageSize < all.Count ? cursorOf(all[start + pageSize]) : null;
        return new Slice<T>(items, next);
    }
}
