using System.Collections.Generic;
using System.Linq;

namespace NotionPS.Rows
{
    /// <summary>
    /// Where a walk over a nested input value is, such as Body.children[3].paragraph, for error messages;
    /// also the one place the nesting limit is held, so every walk over user values stops at the same depth.
    /// </summary>
    internal sealed class ValuePath
    {
        /// <summary>
        /// The most levels of nested dictionaries, objects and arrays NotionPS converts (as System.Text.Json
        /// reads by default). Notion's own limits are far lower; the limit is there so that no input,
        /// however deep, can exhaust the stack.
        /// </summary>
        public const int MaxNesting = 64;

        /// <summary>
        /// The most values one walk converts. Far above what Notion takes in one request (500 KB), it stops a value
        /// that shares one sub-value many times (not a cycle, yet exponential when written out) and an endless
        /// enumerable before they exhaust memory.
        /// </summary>
        public const int MaxValues = 1_000_000;

        private const int ShownSegments = 12;

        private readonly List<string> segments = new List<string>();

        private int values;

        public ValuePath(string root)
        {
            segments.Add(root);
        }

        /// <summary>How many keys or indexes deep the walk is (0 at the root).</summary>
        public int Depth => segments.Count - 1;

        /// <summary>Called on entering a dictionary, object or array at the current place.</summary>
        /// <exception cref="InputValueException">The value is nested too deep.</exception>
        public void EnterContainer()
        {
            if (Depth >= MaxNesting)
            {
                throw InputValueException.TooDeep(ToString());
            }
        }

        /// <summary>Called for each value the walk converts.</summary>
        /// <exception cref="InputValueException">The walk has converted more than <see cref="MaxValues"/> values.</exception>
        public void CountValue()
        {
            if (++values > MaxValues)
            {
                throw InputValueException.TooLarge(ToString());
            }
        }

        public void PushKey(string key) => segments.Add("." + key);

        public void PushIndex(int index) => segments.Add("[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");

        public void Pop() => segments.RemoveAt(segments.Count - 1);

        /// <summary>The path of the container <paramref name="depth"/> levels below the root.</summary>
        public string Prefix(int depth) => Show(segments.Take(depth + 1).ToList());

        public override string ToString() => Show(segments);

        /// <summary>The whole path when short; else its start and end, so a message stays readable.</summary>
        private static string Show(IReadOnlyList<string> parts) =>
            parts.Count <= ShownSegments
                ? string.Concat(parts)
                : string.Concat(parts.Take(ShownSegments / 2)) + $"…({parts.Count - ShownSegments + 1} more levels)…" + string.Concat(parts.Skip(parts.Count - ShownSegments / 2 + 1));
    }
}
