using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using NotionPS.Rows;

namespace NotionPS.Cmdlets
{
    /// <summary>-Filter (Notion's own shape) and -Where (column = value pairs) as plain values for <see cref="RowQueryPlan"/>: the cmdlets that read rows share them.</summary>
    internal static class RowFilterParameters
    {
        /// <summary>-Filter without PowerShell's wrappers, or null when it is not given or empty (no condition, as an empty -Where; Notion refuses {}).</summary>
        /// <exception cref="InputValueException">The value contains itself or is nested too deep.</exception>
        public static object? PlainFilter(Hashtable? filter) => filter == null || filter.Count == 0 ? null : RowObjects.Plain(filter, "Filter");

        /// <summary>-Where's column = value pairs, plain; none when it is not given.</summary>
        /// <exception cref="InputValueException">A value contains itself or is nested too deep.</exception>
        public static IReadOnlyList<KeyValuePair<string, object?>> WherePairs(Hashtable? where) =>
            where == null || where.Count == 0 ? Array.Empty<KeyValuePair<string, object?>>() : RowObjects.Members(new PSObject(where));
    }
}
