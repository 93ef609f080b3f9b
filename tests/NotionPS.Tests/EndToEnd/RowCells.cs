using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Rows cell by cell, for the round-trip tests: each cell's structure (items one by one, people by ID) and its text form.</summary>
internal static class RowCells
{
    /// <summary>The writable columns of the round-trip databases (files as links to files elsewhere, the kind a URL writes).</summary>
    public static readonly string[] WritableColumns = ["Name", "Notes", "Estimate", "Priority", "Status", "Tags", "Due", "Done", "Link", "Email", "Phone", "Owner", "Parent", "Files"];

    /// <summary>Multi-select options, one with the separator and one with the escape character in it.</summary>
    public static readonly string[] Tags = ["a", "b", "semi; colon", "back\\slash", "naïve ✓"];

    /// <summary>A files value linking to a file elsewhere, named after the URL's last segment.</summary>
    public static System.Text.Json.Nodes.JsonObject ExternalFile(string url) =>
        new() { ["name"] = url[(url.LastIndexOf('/') + 1)..], ["type"] = "external", ["external"] = new System.Text.Json.Nodes.JsonObject { ["url"] = url } };

    /// <summary>Each of <paramref name="columns"/> of each row, named by the row's Name.</summary>
    /// <param name="timeZones">Compare a date range's time zone too (CSV text has none).</param>
    public static List<string> Of(IEnumerable<PSObject> rows, IEnumerable<string> columns, bool timeZones = true) =>
        rows.SelectMany(row => columns.Select(column => $"{row.Properties["Name"].Value}.{column} = {Structure(row.Properties[column].Value, timeZones)} | {row.Properties[column].Value}")).ToList();

    /// <summary>The writable cells of each row as text only (rows Import-Csv read, whose values are all text).</summary>
    public static List<string> Texts(IEnumerable<PSObject> rows) =>
        rows.SelectMany(row => WritableColumns.Select(column => $"{row.Properties["Name"].Value}.{column} = {row.Properties[column].Value}")).ToList();

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
