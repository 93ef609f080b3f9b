using System;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NotionPS.Rows
{
    /// <summary>
    /// Numbers and dates from text, read the same way on every machine whatever its culture: a CSV file
    /// does not say which culture wrote it, so the same file must never store different values on a German
    /// and an American machine. Text that one culture or another reads differently is refused, never guessed.
    /// See about_NotionPS ("Numbers and dates from text").
    /// </summary>
    internal static class CultureFreeText
    {
        private const RegexOptions Exact = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

        // One decimal separator at most, '.' or ',' (how Excel writes decimals in much of Europe); no grouping.
        private static readonly Regex NumberPattern = new Regex(@"^(?<sign>[+-]?)(?<whole>[0-9]*)(?:(?<separator>[.,])(?<fraction>[0-9]*))?(?:[eE](?<exponent>[+-]?[0-9]{1,4}))?$", Exact);

        private const string TimePattern = @"(?:[T ](?<hour>[0-9]{1,2}):(?<minute>[0-9]{2})(?::(?<second>[0-9]{2})(?:[.,](?<fraction>[0-9]{1,7}))?)?)?";

        // Year first (ISO 8601 and its relatives): never ambiguous; an offset or Z keeps the instant.
        private static readonly Regex YearFirstPattern = new Regex(@"^(?<year>[0-9]{4})(?<separator>[-/.])(?<month>[0-9]{1,2})\k<separator>(?<day>[0-9]{1,2})" + TimePattern + @"\s*(?<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?$", Exact | RegexOptions.IgnoreCase);

        // Year last: with dots always day first; with / or - day first or month first, whichever the numbers allow.
        private static readonly Regex YearLastPattern = new Regex(@"^(?<leading>[0-9]{1,2})(?<separator>[-/.])(?<middle>[0-9]{1,2})\k<separator>(?<year>[0-9]{4})" + TimePattern + "$", Exact);

        private static readonly Regex GroupedDigits = new Regex("^[+-]?[0-9]+(?:[.,' \u00a0\u202f][0-9]+)+$", Exact);

        // A day, a month name and a 4-digit year, after an optional weekday (31 Jan 2025, January 31, 2025, RFC 1123
        // as HTTP and mail write dates): a month name without a day or a year would be completed with a guess.
        private static readonly Regex NamedMonthDate = new Regex(
            @"^(?:[a-z]{3,9}\.?,?\s+)?(?:[0-9]{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+[0-9]{1,2},?)\s+[0-9]{4}(?![0-9])",
            Exact | RegexOptions.IgnoreCase);

        public const string NumberForms = "Write digits with one '.' or ',' as the decimal separator and no thousands separators, such as 1234.5 or 1234,5 (text is read the same way in every culture).";

        public const string DateForms = "Use 2025-01-31 or 2025-01-31T09:30:00Z (ISO 8601, an offset keeps the instant), 31.01.2025 (day first), 31 Jan 2025 (a day, a month name and a 4-digit year), or a date with / whose day is over 12 (text is read the same way in every culture).";

        /// <summary>A number from text, as the nearest double; refused when that double is not the number written.</summary>
        /// <param name="where">Names the value in an error, such as its column.</param>
        /// <exception cref="FormatException">Not a number by this rule, ambiguous, or more precise than Notion keeps.</exception>
        /// <exception cref="InputValueException">Beyond what a double holds (NotionNumberNotFinite).</exception>
        public static double Number(string text, string where)
        {
            var trimmed = text.Trim();
            var match = NumberPattern.Match(trimmed);
            if (!match.Success || match.Groups["whole"].Length + match.Groups["fraction"].Length == 0)
            {
                throw new FormatException(GroupedDigits.IsMatch(trimmed)
                    ? "not a number: thousands separators are not accepted. " + NumberForms
                    : "not a number. " + NumberForms);
            }

            var whole = match.Groups["whole"].Value;
            var fraction = match.Groups["fraction"].Value;
            if (match.Groups["separator"].Success && !match.Groups["exponent"].Success && fraction.Length == 3 && whole.Length >= 1 && whole.Length <= 3 && whole.TrimStart('0').Length > 0)
            {
                throw new FormatException(
                    $"'{trimmed}' reads as {whole}.{fraction} in some cultures and as {whole}{fraction} (with a thousands separator) in others, so it is refused. "
                    + $"Write {whole}{fraction} for the whole number, or give the decimal with another number of decimals (such as {whole}.{fraction}0).");
            }

            return Exactly($"{match.Groups["sign"].Value}{whole}.{fraction}e{(match.Groups["exponent"].Success ? match.Groups["exponent"].Value : "0")}", trimmed, where);
        }

        /// <summary>
        /// A number given as a .NET number: a double as it is (if finite); any other type through its exact
        /// invariant text, so a decimal or a long beyond what a double holds is refused, never rounded.
        /// </summary>
        /// <param name="where">Names the value in an error, such as its column.</param>
        /// <exception cref="FormatException">More precise than Notion keeps.</exception>
        /// <exception cref="InputValueException">NaN or infinite (NotionNumberNotFinite).</exception>
        public static double Number(IFormattable number, string where)
        {
            if (number is double value)
            {
                return PlainValues.Finite(value, where);
            }

            var text = number is float single ? single.ToString("R", CultureInfo.InvariantCulture) : number.ToString(null, CultureInfo.InvariantCulture);
            return Exactly(text.Replace("E", "e"), text, where);
        }

        /// <summary>
        /// A date from text: a <see cref="DateTimeOffset"/> when the text gives an offset, Z or GMT (the
        /// instant is kept), else an unspecified <see cref="DateTime"/> (a wall-clock time, or a date at midnight).
        /// </summary>
        /// <exception cref="FormatException">Not a date by this rule, or ambiguous.</exception>
        public static object Date(string text)
        {
            var trimmed = text.Trim();
            var match = YearFirstPattern.Match(trimmed);
            if (match.Success)
            {
                var local = Build(match, Int(match, "year"), Int(match, "month"), Int(match, "day"), trimmed);
                return match.Groups["zone"].Success ? (object)new DateTimeOffset(local, Offset(match.Groups["zone"].Value)) : local;
            }

            match = YearLastPattern.Match(trimmed);
            if (match.Success)
            {
                var (day, month) = DayAndMonth(match, trimmed);
                return Build(match, Int(match, "year"), month, day, trimmed);
            }

            // Month names cannot be misread; English, as the invariant culture reads them.
            if (NamedMonthDate.IsMatch(trimmed) && DateTime.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.RoundtripKind, out var named))
            {
                if (named.Kind == DateTimeKind.Unspecified)
                {
                    return named;
                }

                return DateTimeOffset.Parse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces);
            }

            throw new FormatException("not a date. " + DateForms);
        }

        private static (int Day, int Month) DayAndMonth(Match match, string text)
        {
            var first = Int(match, "leading");
            var second = Int(match, "middle");
            if (match.Groups["separator"].Value == "." || first > 12 || first == second)
            {
                return (first, second);
            }

            if (second > 12)
            {
                return (second, first);
            }

            throw new FormatException(
                $"'{text}' is the {Ordinal(first)} of month {second} in some cultures and the {Ordinal(second)} of month {first} in others, so it is refused. "
                + $"Write it year first (such as {Int(match, "year")}-{second:00}-{first:00}), or day first with dots (such as {first:00}.{second:00}.{Int(match, "year")}).");
        }

        private static DateTime Build(Match match, int year, int month, int day, string text)
        {
            try
            {
                var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
                if (!match.Groups["hour"].Success)
                {
                    return date;
                }

                // Built from its parts, so 25:00 or 9:75 is refused rather than carried into the next hour or day.
                var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value.PadRight(7, '0') : "0";
                return new DateTime(year, month, day, Int(match, "hour"), Int(match, "minute"), match.Groups["second"].Success ? Int(match, "second") : 0, DateTimeKind.Unspecified)
                    .AddTicks(long.Parse(fraction, CultureInfo.InvariantCulture));
            }
            catch (ArgumentOutOfRangeException)
            {
                throw new FormatException($"'{text}' is not a real date or time (a month over 12, a day the month does not have, an hour over 23, or a minute or second over 59). " + DateForms);
            }
        }

        private static TimeSpan Offset(string zone)
        {
            if (zone.Equals("Z", StringComparison.OrdinalIgnoreCase))
            {
                return TimeSpan.Zero;
            }

            var digits = zone.Substring(1).Replace(":", string.Empty);
            var minutes = digits.Length > 2 ? int.Parse(digits.Substring(2), CultureInfo.InvariantCulture) : 0;
            var offset = new TimeSpan(int.Parse(digits.Substring(0, 2), CultureInfo.InvariantCulture), minutes, 0);
            if (offset > TimeSpan.FromHours(14) || minutes > 59)
            {
                throw new FormatException($"'{zone}' is not a UTC offset (they go up to 14 hours, with minutes up to 59). " + DateForms);
            }

            return zone[0] == '-' ? offset.Negate() : offset;
        }

        private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

        private static string Ordinal(int day) => day.ToString(CultureInfo.InvariantCulture) + (day == 1 || day == 21 || day == 31 ? "st" : day == 2 || day == 22 ? "nd" : day == 3 || day == 23 ? "rd" : "th");

        /// <summary>
        /// The double nearest to <paramref name="invariantText"/>, which must be exactly that number when
        /// written shortest (a Notion number is a double: more digits would be lost without a word).
        /// </summary>
        private static double Exactly(string invariantText, string shown, string where)
        {
            var value = PlainValues.Finite(double.Parse(invariantText, NumberStyles.Float, CultureInfo.InvariantCulture), where);
            if (Canonical(invariantText) != Canonical(value.ToString("R", CultureInfo.InvariantCulture)))
            {
                throw new FormatException(
                    $"'{shown}' has more significant digits than a Notion number keeps (a double: 15 to 17 digits), so it would be stored as {value.ToString("R", CultureInfo.InvariantCulture)}. "
                    + "Round it to that, or store it in a text column.");
            }

            return value;
        }

        /// <summary>A number's significant digits and the power of ten of the last one, such as "125e-2" for 1.250.</summary>
        private static string Canonical(string invariantText)
        {
            var match = NumberPattern.Match(invariantText.Replace("E", "e"));
            var digits = (match.Groups["whole"].Value + match.Groups["fraction"].Value).TrimStart('0');
            var exponent = (match.Groups["exponent"].Success ? int.Parse(match.Groups["exponent"].Value, CultureInfo.InvariantCulture) : 0) - match.Groups["fraction"].Length;
            if (digits.Length == 0)
            {
                return "0";
            }

            var significant = digits.TrimEnd('0');
            return significant + "e" + (exponent + digits.Length - significant.Length).ToString(CultureInfo.InvariantCulture);
        }
    }
}
