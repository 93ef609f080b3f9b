using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Rows cell by cell, for the round-trip tests: each cell's structure (items one by one, people by ID) and its text form.</summary>
internal static class RowCells
{
    /// <summary>Each of <paramref name="columns"/> of each row, named by the row's Name.</summary>
    /// <param name="timeZones">Compare a date range's time zone too (CSV text has none).</param>
    public static List<string> Of(IEnumerable<PSObject> rows, IEnumerable<string> columns, bool timeZones = true) =>
        rows.SelectMany(row => columns.Select(column => $"{row.Properties["Name"].Value}.{column} = {Structure(row.Properties[column].Value, timeZones)} | {row.Properties[column].Value}")).ToList();

    private static string Structure(object? value, bool timeZones) => value switch
    {
        null => "(null)",
        PSObject wrapped => wrapped.BaseObject.GetType().Name + ":" + Structure(wrapped.BaseObject, timeZones),
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        NotionDateRange range => Structure(range.Start, timeZones) + ".." + Structure(range.End, timeZones) + (range.TimeZone == null || !timeZones ? string.Empty : " " + range.TimeZone),
        IEnumerable<NotionUser> people => "[" + string.Join("|", people.Select(person => person.Id)) + "]",
        IEnumerable<string> items => "[" + string.Join("|", items) + "]",
        _ => value.GetType().Name + ":" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
