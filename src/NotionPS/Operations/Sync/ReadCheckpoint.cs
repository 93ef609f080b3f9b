using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using NotionPS.Errors;
using NotionPS.Operations.Files;

namespace NotionPS.Operations
{
    /// <summary>
    /// A file holding the instant a read of "changes since" started, for the next run to read on from: one
    /// ISO 8601 UTC time on one line. It is replaced whole (a temporary file renamed over it), so a run
    /// stopped midway leaves the previous instant, never a half-written one.
    /// </summary>
    internal static class ReadCheckpoint
    {
        private static readonly Regex Instant = new Regex(
            @"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        /// <summary>The most a checkpoint file is read: one time takes about 30 bytes, so a larger file is another file given by mistake.</summary>
        public const int MaxBytes = 4096;

        /// <summary>The instant in the file (UTC), or null when there is no file yet.</summary>
        /// <exception cref="CheckpointException">The file cannot be read, is not a regular file, is too large, or holds no time with a zone.</exception>
        public static DateTime? Load(string path)
        {
            // A folder would read as "no checkpoint yet" and fail only at the end, when the file is written after every row is read.
            if (Directory.Exists(path))
            {
                throw new CheckpointException(NotionErrorIds.NotionCheckpointUnreadable, path,
                    $"'{path}' is a folder; give a file path for the checkpoint, such as '{System.IO.Path.Combine(path, "rows.checkpoint")}': a file that holds {What}.");
            }

            if (LocalEntry.NotAFile(path) is string what)
            {
                throw new CheckpointException(NotionErrorIds.NotionCheckpointUnreadable, path, $"The checkpoint file '{path}' is {what}, not a file; give the path of a file that holds {What}.");
            }

            string text;
            try
            {
                if (!File.Exists(path))
                {
                    return null;
                }

                text = ReadSmall(path).Trim();
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new CheckpointException(NotionErrorIds.NotionCheckpointUnreadable, path, $"The checkpoint file '{path}' cannot be read: {ex.Message}", ex);
            }

            if (!Instant.IsMatch(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                var shown = text.Length > 60 ? text.Substring(0, 60) + "..." : text;
                throw new CheckpointException(NotionErrorIds.NotionCheckpointInvalid, path,
                    $"The checkpoint file '{path}' does not hold a time: it reads '{shown}', where {What} is expected.");
            }

            return instant.UtcDateTime;
        }

        /// <summary>Replaces the file's instant with <paramref name="instant"/>, atomically.</summary>
        /// <exception cref="CheckpointException">The file cannot be written (the old one, if any, is left as it was).</exception>
        public static void Save(string path, DateTime instant)
        {
            // The file replaced is a link's target, and keeps its mode (ReplacedFile).
            var target = ReplacedFile.Target(path);
            var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
            try
            {
                using (var stream = ReplacedFile.Create(temporary, target, 4096))
                {
                    var bytes = new UTF8Encoding(false).GetBytes(Format(instant) + Environment.NewLine);
                    stream.Write(bytes, 0, bytes.Length);
                }

                ReplacedFile.Replace(temporary, target);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                TryDelete(temporary);
                throw new CheckpointException(NotionErrorIds.NotionCheckpointWriteFailed, path, $"The checkpoint file '{path}' could not be written: {ex.Message}", ex);
            }
        }

        private static string What => $"one ISO 8601 time with its zone, such as {Format(new DateTime(2026, 1, 31, 9, 30, 0, DateTimeKind.Utc))}";

        /// <summary>The file's text (UTF-8, or as its byte order mark says, as File.ReadAllText reads it), read to at most <see cref="MaxBytes"/>.</summary>
        private static string ReadSmall(string path)
        {
            var buffer = new byte[MaxBytes + 1];
            var length = 0;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int read;
                while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
                {
                    length += read;
                }
            }

            return length > MaxBytes
                ? throw new CheckpointException(NotionErrorIds.NotionCheckpointInvalid, path,
                    $"The checkpoint file '{path}' holds more than {MaxBytes} bytes, so it is not a checkpoint: give the path of a file that holds {What}, or of no file yet.")
                : new StreamReader(new MemoryStream(buffer, 0, length), Encoding.UTF8, detectEncodingFromByteOrderMarks: true).ReadToEnd();
        }

        /// <summary>An instant as the file holds it: UTC, to the tick, ending in Z.</summary>
        public static string Format(DateTime instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        private static void TryDelete(string path)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // The write failed already; a leftover temporary file does not change the checkpoint.
            }
        }
    }

    /// <summary>A checkpoint file that cannot be read, holds no time, or cannot be written.</summary>
    internal sealed class CheckpointException : NotionException
    {
        private readonly string path;

        public CheckpointException(string errorId, string path, string message, Exception? inner = null)
            : base(errorId, message, inner)
        {
            this.path = path;
        }

        public string Path => Shown(path);
    }
}
