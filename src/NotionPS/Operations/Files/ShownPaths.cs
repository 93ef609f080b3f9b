using System;
using System.Globalization;
using NotionPS.Client;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// A local path as an error message shows it: once, control characters escaped, and a very long one cut to its
    /// start and end, so a path of thousands of characters (one from a hostile CSV file or Markdown) does not bury
    /// the reason and the remedy. The ErrorRecord's target still holds the whole path.
    /// </summary>
    internal static class ShownPaths
    {
        private const int MaxShown = 300;
        private const int Kept = 120;

        public static string Shown(string path)
        {
            var visible = ServerText.Visible(path);
            if (visible.Length <= MaxShown)
            {
                return visible;
            }

            // Cut between whole characters, never inside a surrogate pair.
            var head = char.IsHighSurrogate(visible[Kept - 1]) ? Kept - 1 : Kept;
            var tail = char.IsLowSurrogate(visible[visible.Length - Kept]) ? visible.Length - Kept + 1 : visible.Length - Kept;
            return $"{visible.Substring(0, head)}...{visible.Substring(tail)} ({path.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)";
        }

        /// <summary>The runtime's reason for refusing <paramref name="path"/> without the path it quotes, which the message names already.</summary>
        public static string Reason(Exception ex, string path) => ex.Message.Replace($" '{path}'", string.Empty);
    }
}
