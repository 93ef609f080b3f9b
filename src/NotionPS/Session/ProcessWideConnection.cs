
namespace NotionPS.Session
{
    /// <summary>
    /// The connection cmdlets use when no -Connection is given. One per process, like the module's
    /// session in Microsoft.Graph.Authentication: guarded by a lock and cleared when the module is removed.
    /// </summary>
    internal static class ProcessWideConnection
    {
        private static readonly object Gate = new object();
        private static NotionConnection? current;

        public static NotionConnection? Current
        {
            get { lock (Gate) { return current; } }
            set { lock (Gate) { current = value; } }
        }

        public static void Reset()
        {
            lock (Gate) { current = null; }
        }
    }
}
