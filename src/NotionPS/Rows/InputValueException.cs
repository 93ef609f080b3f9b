using NotionPS.Errors;

namespace NotionPS.Rows
{
    /// <summary>
    /// An input value that cannot become JSON at all: it contains itself, it is nested deeper than
    /// <see cref="ValuePath.MaxNesting"/> levels, it holds more than <see cref="ValuePath.MaxValues"/> values, it holds a number JSON has no form for,
    /// or it holds no data at all (code, a secret, a type, a stream);
    /// or a -Sort item that is neither a column name nor a sort. Names where.
    /// </summary>
    internal sealed class InputValueException : NotionException
    {
        private readonly string path;

        /// <param name="errorId">NotionValueCyclic, NotionValueTooDeep, NotionValueTooLarge, NotionNumberNotFinite, NotionValueNotData or NotionSortInvalid.</param>
        private InputValueException(string errorId, string path, string message)
            : base(errorId, message)
        {
            this.path = path;
        }

        /// <summary>Where the value is, such as Body.children[3] or Notes.self.</summary>
        public string Path => Shown(path);

        public static InputValueException Cyclic(string path, string containerPath) =>
            new InputValueException(NotionErrorIds.NotionValueCyclic, path, $"{path} is {containerPath} itself: a value that contains itself cannot be sent as JSON. Give a copy that does not refer back to itself.");

        public static InputValueException TooDeep(string path) =>
            new InputValueException(NotionErrorIds.NotionValueTooDeep, path, $"{path} is nested more than {ValuePath.MaxNesting} levels deep, the most NotionPS sends (Notion's own limits are far lower: filters nest 2 levels, block children 2 levels per request). Flatten the value.");

        public static InputValueException TooLarge(string path) =>
            new InputValueException(NotionErrorIds.NotionValueTooLarge, path, $"{path} is where the value passed {ValuePath.MaxValues.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} items (shared parts counted each time they appear), far more than Notion takes in one request (500 KB). Send a smaller value.");

        private const string WhatASortIs = "Give a column name, or a hashtable in Notion's shape such as @{ property = 'Due'; direction = 'descending' } or @{ timestamp = 'last_edited_time'; direction = 'ascending' }.";

        public static InputValueException NotASort(string path, object? value) =>
            new InputValueException(NotionErrorIds.NotionSortInvalid, path, $"{path} is {(value == null ? "null" : "of type " + value.GetType().Name)}, not a sort. " + WhatASortIs);

        /// <param name="why">What is wrong with the sort in Notion's shape, a sentence starting with <paramref name="path"/>.</param>
        public static InputValueException SortIncomplete(string path, string why) =>
            new InputValueException(NotionErrorIds.NotionSortInvalid, path, why + " " + WhatASortIs);

        /// <param name="kind">What the value is, by type only (its text, a secret's, is never read): "a SecureString", "a live System.Diagnostics.Process object".</param>
        public static InputValueException NotData(string path, string kind) =>
            new InputValueException(NotionErrorIds.NotionValueNotData, path, $"{path} is {kind}, which is not data: code, secrets, types, streams and other live .NET objects are never sent to Notion as their text. Give text, a number, a date, a list or a hashtable; of an object, the properties to send: ($object | Select-Object Name, Length).");

        public static InputValueException NotFinite(string path, double number) =>
            new InputValueException(NotionErrorIds.NotionNumberNotFinite, path, $"{path} is {number.ToString(System.Globalization.CultureInfo.InvariantCulture)}: JSON and Notion have no NaN or infinite numbers. Give a finite number, or leave the value out.");
    }
}
