using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using NotionPS.Client;

namespace NotionPS.Operations.Files
{
    /// <summary>
    /// File and folder names that every OS can create and copy, for names that come from Notion (a file's name, a row's
    /// title), whoever wrote them: no path separators or characters Windows refuses, no control or bidi characters (a name
    /// that hides or reverses its extension), no half of a surrogate pair (Linux and macOS write it as U+FFFD, so two such
    /// names would be one file), no leading dots (a hidden file that shells and tools read, such as .zshenv), yet a file's
    /// extension kept (".pdf" is "file.pdf": "pdf" would have none, and the upload API refuses a file without one), no trailing
    /// dots or spaces, no reserved device names (CON, NUL, COM0 ...), composed (NFC: macOS takes "é" and "e" with a
    /// combining accent as one name), short enough for any file system, and unique within one folder's downloads, ignoring
    /// case (Windows and macOS do). Names the user gives are never passed here.
    /// </summary>
    internal sealed class SafeFileNames
    {
        /// <summary>UTF-8 bytes a name may take: under every file system's 255, with room for " (999)".</summary>
        public const int MaxNameBytes = 240;

        private static readonly char[] Invalid = "<>:\"/\\|?*".ToCharArray();

        private static readonly HashSet<string> Reserved = new HashSet<string>(
            new[] { "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$" }
                .Concat(Enumerable.Range(0, 10).SelectMany(n => new[] { "COM" + n, "LPT" + n }))
                .Concat(new[] { "¹", "²", "³" }.SelectMany(digit => new[] { "COM" + digit, "LPT" + digit })),
            StringComparer.OrdinalIgnoreCase);

        private readonly HashSet<string> taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly bool forFolders;

        /// <summary>Names for the files saved into one folder.</summary>
        public SafeFileNames()
            : this(forFolders: false)
        {
        }

        private SafeFileNames(bool forFolders) => this.forFolders = forFolders;

        /// <summary>Names for folders made in one folder: a folder has no extension, so nothing after a dot is kept apart.</summary>
        public static SafeFileNames ForFolders() => new SafeFileNames(forFolders: true);

        /// <summary>A safe form of a file's <paramref name="name"/>: each refused character becomes '_'; a name left empty is "file".</summary>
        public static string Safe(string? name) => Safe(name, isFile: true);

        private static string Safe(string? name, bool isFile)
        {
            var given = name ?? string.Empty;
            var text = new StringBuilder(given.Length);
            for (var i = 0; i < given.Length; i++)
            {
                var character = given[i];
                if (char.IsSurrogatePair(given, i))
                {
                    text.Append(character).Append(given[++i]);
                }
                else
                {
                    text.Append(char.IsSurrogate(character) || ServerText.IsToEscape(character) || Array.IndexOf(Invalid, character) >= 0 ? '_' : character);
                }
            }

            // Only whole characters are left, which Normalize takes (it throws on half of a pair). Leading dots go, as browsers
            // drop them from downloads: ".zshenv" or ".gitconfig" saved into a home folder would be run by the shell or git.
            var trimmed = text.ToString().Normalize(NormalizationForm.FormC).Trim().TrimEnd('.', ' ');
            var safe = trimmed.TrimStart('.', ' ');
            if (safe.Length == 0)
            {
                safe = "file";
            }
            else if (isFile && safe.Length < trimmed.Length && safe.IndexOf('.') < 0)
            {
                // Nothing but an extension (".pdf", as Windows and .NET read it): it stays one, after a name.
                safe = "file." + safe;
            }

            var stem = safe.Split('.')[0].TrimEnd(' ');
            if (Reserved.Contains(stem))
            {
                safe = "_" + safe;
            }

            return Shortened(safe, isFile);
        }

        /// <summary>
        /// A safe name not yet given out by this instance: a second "report.pdf" is "report (2).pdf". Names are
        /// compared ignoring case.
        /// </summary>
        public string Unique(string? name)
        {
            var safe = Safe(name, !forFolders);
            var candidate = safe;
            var dot = forFolders ? -1 : safe.LastIndexOf('.');
            var (stem, extension) = dot > 0 ? (safe.Substring(0, dot), safe.Substring(dot)) : (safe, string.Empty);
            for (var number = 2; !taken.Add(candidate); number++)
            {
                candidate = stem + " (" + number + ")" + extension;
            }

            return candidate;
        }

        /// <summary>Takes <paramref name="name"/> (a file of the folder that is no download) out of the names given out, ignoring case.</summary>
        public void Reserve(string name) => taken.Add(name);

        /// <summary>At most <see cref="MaxNameBytes"/> UTF-8 bytes, cutting the stem (never a surrogate pair) and keeping a file's short extension.</summary>
        private static string Shortened(string name, bool isFile)
        {
            if (Encoding.UTF8.GetByteCount(name) <= MaxNameBytes)
            {
                return name;
            }

            var dot = isFile ? name.LastIndexOf('.') : -1;
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
