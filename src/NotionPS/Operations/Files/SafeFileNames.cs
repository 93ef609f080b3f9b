using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// File names that every OS can create, for files named in Notion by anyone: no path separators or characters
    /// Windows refuses, no trailing dots or spaces, no reserved device names (CON, NUL, COM1 ...), short enough
    /// for any file system, and unique within one folder's downloads, ignoring case (Windows and macOS do).
    /// </summary>
    internal sealed class SafeFileNames
    {
        /// <summary>UTF-8 bytes a name may take: under every file system's 255, with room for " (999)".</summary>
        public const int MaxNameBytes = 240;

        private static readonly char[] Invalid = "<>:\"/\\|?*".ToCharArray();

        private static readonly HashSet<string> Reserved = new HashSet<string>(
            new[] { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" }
                .Concat(Enumerable.Range(1, 9).SelectMany(n => new[] { "COM" + n, "LPT" + n }))
                .Concat(new[] { "¹", "²", "³" }.SelectMany(digit => new[] { "COM" + digit, "LPT" + digit })),
            StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A safe form of <paramref name="name"/>: each refused character becomes '_'; a name left empty is "file".</summary>
        public static string Safe(string? name)
        {
            var text = new StringBuilder();
            foreach (var character in name ?? string.Empty)
            {
                text.Append(character < 32 || Array.IndexOf(Invalid, character) >= 0 ? '_' : character);
            }

            var safe = text.ToString().Trim().TrimEnd('.', ' ');
            if (safe.Length == 0 || safe.All(character => character == '.'))
            {
                safe = "file";
            }

            var stem = safe.Split('.')[0].TrimEnd(' ');
            if (Reserved.Contains(stem))
            {
                safe = "_" + safe;
            }

            return Shortened(safe);
        }

        /// <summary>
        /// A safe name not yet given out by this instance: a second "report.pdf" is "report (2).pdf". Names are
        /// compared ignoring case.
        /// </summary>
        public string Unique(string? name)
        {
            var safe = Safe(name);
            var candidate = safe;
            var dot = safe.LastIndexOf('.');
            var (stem, extension) = dot > 0 ? (safe.Substring(0, dot), safe.Substring(dot)) : (safe, string.Empty);
            for (var number = 2; !taken.Add(candidate); number++)
            {
                candidate = stem + " (" + number + ")" + extension;
            }

            return candidate;
        }

        /// <summary>At most <see cref="MaxNameBytes"/> UTF-8 bytes, cutting the stem (never a surrogate pair) and keeping a short extension.</summary>
        private static string Shortened(string name)
        {
            if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
            {
                return name;
            }

            var dot = name.LastIndexOf('.');
            var extension = dot > 0 && name.Length - dot <= 16 ? name.Substring(dot) : string.Empty;
            var stem = name.Substring(0, name.Length - extension.Length);
            while (Encoding.UTF8.GetByteCount(stem) + Encoding.UTF8.GetByteCount(extension) > MaxNameBytes)
            {
                stem = stem.Substring(0, char.IsLowSurrogate(stem[stem.Length - 1]) ? stem.Length - 2 : stem.Length - 1);
            }

            return stem.TrimEnd('.', ' ') + extension;
        }
    }
}
