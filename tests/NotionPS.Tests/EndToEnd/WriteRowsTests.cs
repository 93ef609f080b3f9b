using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Add-, Set- and Remove-NotionDatabaseRow against the emulator: round trips, bad rows, upserts and faults.</summary>
[Collection(EmulatorCollection.Name)]
public class WriteRowsTests : RowsTestBase
{
    public WriteRowsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// A row of a CSV file (see <see cref="ThroughCsvFile"/>): text in one property per writable column type
    /// but files (which the emulator does not write), lists comma-separated as people type them. With
    /// <paramref name="parents"/>, a Parent relation too.
    /// </summary>
    private static PSObject CsvRow(int i, string? estimate = null, IReadOnlyList<string>? parents = null)
    {
        var row = new PSObject();
        void Add(string name, string value) => row.Properties.Add(new PSNoteProperty(name, value));
        Add("Name", $"Row {i}");
        Add("Notes", i % 50 == 0 ? string.Concat(Enumerable.Repeat($"long note {i} ", 400)) : $"note {i}");
        Add("Estimate", estimate ?? (i * 1.5).ToString(CultureInfo.InvariantCulture));
        Add("Priority", i % 2 == 0 ? "High" : "Low");
        Add("Status", "Not started");
        Add("Tags", (i % 3) switch { 0 => "a,b", 1 => "c", _ => string.Empty });
        Add("Due", $"2026-02-{1 + (i % 28):00}");
        Add("Done", i % 2 == 0 ? "true" : "false");
        Add("Link", $"https://example.com/{i}");
        Add("Email", $"user{i}@example.com");
        Add("Phone", $"+1 555 {i:0000}");
        Add("Owner", (i % 4) switch { 0 => AdaId, 1 => GraceId, 2 => $"{AdaId},{GraceId}", _ => string.Empty });
        if (parents != null)
        {
            Add("Parent", i % 7 == 0 ? string.Join(",", parents) : parents[i % parents.Count]);
        }

        return row;
    }

    /// <summary>Rows written to a file by the real Export-Csv and read back by the real Import-Csv, as a user's CSV file gives them.</summary>
    private PSObject[] ThroughCsvFile(IEnumerable<PSObject> rows)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N") + ".csv");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            var result = Session.Run("$rows | Export-Csv -Path $path; Import-Csv -Path $path", Vars(("rows", rows.ToArray()), ("path", path)));
            Assert.Empty(result.Errors);
            return result.Output.ToArray();
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>Every cell of a read row against the CSV text it came from; each mismatch names row and column.</summary>
    private static IEnumerable<string> Mismatches(PSObject input, PSObject read)
    {
        static string List(object? values) => string.Join(",", ((IEnumerable<object>)values!).Select(value => value is NotionUser user ? user.Id : value.ToString()));
        static string CsvList(string text) => string.Join(",", text.Split(',', StringSplitOptions.RemoveEmptyEntries));
        var readBack = new Dictionary<string, Func<string, object?, (object? Expected, object? Actual)>>
        {
            ["Estimate"] = (text, value) => (double.Parse(text, CultureInfo.InvariantCulture), value),
            ["Due"] = (text, value) => (DateTime.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture), Unwrapped(value)),
            ["Done"] = (text, value) => (text == "true", value),
            ["Tags"] = (text, value) => (CsvList(text), List(value)),
            ["Owner"] = (text, value) => (CsvList(text), List(value)),
            ["Parent"] = (text, value) => (CsvList(text), List(value)),
        };
        var row = (string)input.Properties["Name"].Value;
        foreach (var cell in input.Properties)
        {
            var text = (string)cell.Value;
            var value = read.Properties[cell.Name]?.Value;
            var (expected, actual) = readBack.TryGetValue(cell.Name, out var convert) ? convert(text, value) : (text, value);
            if (!Equals(expected, actual))
            {
                yield return $"{row}, column {cell.Name}: wrote '{expected}', read '{actual}'";
            }
        }
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FiveHundredCsvRowsRoundTripThenUpdateAndTrashByFilter(string version)
    {
        Connect(version);
        var (_, parentsDataSource) = await NewDatabaseAsync("Parents " + version);
        var parents = await SeedRowsAsync(parentsDataSource, new[] { "P1", "P2", "P3" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }));
        var parentColumn = new JsonObject { ["Parent"] = new JsonObject { ["type"] = "relation", ["data_source_id"] = parentsDataSource } };
        var (databaseId, _) = await NewDatabaseAsync("Round trip " + version, parentColumn);
        var input = ThroughCsvFile(Enumerable.Range(1, 500).Select(i => CsvRow(i, parents: parents)));

        var added = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db", Vars(("rows", input), ("db", databaseId)));
        var read = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        Assert.Empty(added.Errors);
        Assert.Equal(500, added.Output.Count);
        Assert.Equal(input.Select(r => r.Properties["Name"].Value), added.Output.Select(r => r.Properties["Name"].Value));
        Assert.Equal(500, read.Output.Count);
        var readByName = read.Output.ToDictionary(r => (string)r.Properties["Name"].Value);
        Assert.Empty(input.SelectMany(row => Mismatches(row, readByName[(string)row.Properties["Name"].Value])));

        var updated = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Priority = 'High' } | Set-NotionDatabaseRow -Property @{ Status = 'Done' } -PassThru", Vars(("db", databaseId)));
        var done = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Status = 'Done' }", Vars(("db", databaseId)));

        Assert.Empty(updated.Errors);
        Assert.Equal(250, updated.Output.Count);
        Assert.All(updated.Output, row => Assert.Equal("Done", row.Properties["Status"].Value));
        Assert.Equal(250, done.Output.Count);
        Assert.All(done.Output, row => Assert.Equal("High", row.Properties["Priority"].Value));

        var trashed = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Status = 'Done' } | Remove-NotionDatabaseRow -Confirm:$false -PassThru", Vars(("db", databaseId)));
        var left = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        Assert.Empty(trashed.Errors);
        Assert.Equal(250, trashed.Output.Count);
        Assert.Equal(250, left.Output.Count);
        Assert.All(left.Output, row => Assert.Equal("Low", row.Properties["Priority"].Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AThousandRowsWithTwentyBadAddNineHundredEightyAndTheRerunWithMatchOnAddsTheRestOnce(string version)
    {
        Connect(version);
        var (databaseId, _) = await NewDatabaseAsync("Bulk " + version);
        bool IsBad(int i) => i % 50 == 0;
        var firstRun = ThroughCsvFile(Enumerable.Range(1, 1000).Select(i => CsvRow(i, IsBad(i) ? "lots" : null)));

        var result = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db -ErrorVariable failed -ErrorAction SilentlyContinue; $failed", Vars(("rows", firstRun), ("db", databaseId)));

        var rows = result.Output.Where(o => o.BaseObject is not ErrorRecord).ToList();
        var failed = result.Output.Select(o => o.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(980, rows.Count);
        Assert.Equal(20, failed.Count);
        Assert.All(failed, error =>
        {
            Assert.Equal("NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
            var target = Assert.IsType<PSObject>(error.TargetObject);
            var name = (string)target.Properties["Name"].Value;
            Assert.True(IsBad(int.Parse(name.Substring(4), CultureInfo.InvariantCulture)), name + " should not have failed");
            Assert.StartsWith($"Row {name.Substring(4)} (\"{name}\"): Column 'Estimate' (number) cannot take 'lots'", error.ErrorDetails.Message);
        });

        var secondRun = ThroughCsvFile(Enumerable.Range(1, 1000).Select(i => CsvRow(i)));
        var rerun = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db -MatchOn name", Vars(("rows", secondRun), ("db", databaseId)));
        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        Assert.Empty(rerun.Errors);
        Assert.Equal(1000, rerun.Output.Count);
        Assert.Equal(1000, all.Output.Count);
        Assert.Equal(1000, all.Output.Select(r => r.Properties["Name"].Value).Distinct().Count());
        Assert.All(all.Output, row => Assert.NotNull(row.Properties["Estimate"].Value));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FaultsDuringABulkAddLeaveEveryRowCreatedOnceOrReportedAndARerunFinishesTheJob(string version)
    {
        Connect(version);
        var (databaseId, _) = await NewDatabaseAsync("Faults " + version);
        var input = ThroughCsvFile(Enumerable.Range(1, 200).Select(i => CsvRow(i)));
        int reportedAdded;
        try
        {
            // The first matching rule decides, so the count-limited ones go first and hand over when spent.
            // abort-after creates the row and then drops the connection: the duplicate-write trap.
            foreach (var kind in new[] { "500", "abort", "abort-after", "503" })
            {
                await AddFaultAsync(new JsonObject { ["kind"] = kind, ["share"] = 0.1, ["count"] = 4, ["method"] = "POST", ["path"] = "/v1/pages" });
            }

            await AddFaultAsync(new JsonObject { ["kind"] = "429", ["share"] = 0.25, ["method"] = "POST", ["path"] = "/v1/pages" });

            var firstRun = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db", Vars(("rows", input), ("db", databaseId)));

            Assert.Equal(16, firstRun.Errors.Count);
            Assert.Equal(200, firstRun.Output.Count + firstRun.Errors.Count);
            reportedAdded = firstRun.Output.Count;
            Assert.All(firstRun.Errors, error =>
            {
                Assert.Contains(error.FullyQualifiedErrorId.Split(',')[0], new[] { "NotionServerError", "NotionConnectionFailure" });
                Assert.Contains("-MatchOn", error.ErrorDetails.RecommendedAction);
            });
        }
        finally
        {
            await ClearFaultsAsync();
        }

        var created = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Output.Select(r => (string)r.Properties["Name"].Value).ToList();
        Assert.Equal(created.Count, created.Distinct().Count());
        Assert.Equal(reportedAdded + 4, created.Count);

        var rerun = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db -MatchOn Name", Vars(("rows", input), ("db", databaseId)));
        var final = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Output.Select(r => (string)r.Properties["Name"].Value).ToList();

        Assert.Empty(rerun.Errors);
        Assert.Equal(input.Select(r => (string)r.Properties["Name"].Value).OrderBy(n => n), final.OrderBy(n => n));
        Assert.Contains("Run the same command again with -MatchOn", System.IO.File.ReadAllText(System.IO.Path.Combine(TestPaths.RepoRoot, "docs", "Add-NotionDatabaseRow.md")));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task RowsReadFromOneDatabaseCopyIntoAnotherWithACollidingColumn(string version)
    {
        Connect(version);
        var urlColumn = new JsonObject { ["Url"] = new JsonObject { ["type"] = "url" } };
        var (source, sourceDataSource) = await NewDatabaseAsync("Copy from " + version, urlColumn);
        var (target, _) = await NewDatabaseAsync("Copy to " + version, urlColumn);
        await SeedRowsAsync(sourceDataSource, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Copied", ["Url"] = "https://example.com/own", ["Tags"] = new JsonArray("a", "c"), ["Owner"] = new JsonArray(AdaId), ["Done"] = true, ["Due"] = new JsonObject { ["start"] = "2026-03-01T09:30:00.000Z" }, ["Estimate"] = 2.5 } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Range", ["Due"] = new JsonObject { ["start"] = "2026-03-02", ["end"] = "2026-03-05" }, ["Owner"] = new JsonArray(AdaId, GraceId), ["Priority"] = "High", ["Status"] = "Done", ["Notes"] = new string('n', 4500), ["Email"] = "a@example.com", ["Phone"] = "+1 555 0001", ["Link"] = "https://example.com/link" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Empty" } },
        });

        var copied = Session.Run("Get-NotionDatabaseRow -DatabaseId $from | Add-NotionDatabaseRow -DatabaseId $to", Vars(("from", source), ("to", target)));
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from", Vars(("from", source))).Output;
        var copies = Session.Run("Get-NotionDatabaseRow -DatabaseId $to", Vars(("to", target))).Output;

        Assert.Empty(copied.Errors);
        Assert.Equal(3, copied.Output.Count);
        Assert.All(copied.Output, row => Assert.Equal(target, row.Properties["DatabaseId"].Value));
        var row = copied.Output.Single(r => (string)r.Properties["Name"].Value == "Copied");
        Assert.Equal("https://example.com/own", row.Properties["Url (column)"].Value);
        Assert.NotEqual("https://example.com/own", row.Properties["Url"].Value);
        Assert.Equal(new[] { "a", "c" }, row.Properties["Tags"].Value);
        Assert.Equal(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), Unwrapped(row.Properties["Due"].Value));
        var range = Assert.IsType<NotionDateRange>(copied.Output.Single(r => (string)r.Properties["Name"].Value == "Range").Properties["Due"].Value);
        Assert.Equal(new DateTime(2026, 3, 5), range.End);
        var columns = new[] { "Name", "Notes", "Estimate", "Priority", "Status", "Tags", "Due", "Done", "Link", "Email", "Phone", "Owner", "Url (column)" };
        Assert.Equal(Cells(original, columns), Cells(copies, columns));
    }

    /// <summary>Each row's cells as text, by name: what a copy must reproduce.</summary>
    private static IEnumerable<string> Cells(IEnumerable<PSObject> rows, IEnumerable<string> columns) =>
        rows.SelectMany(row => columns.Select(column => $"{row.Properties["Name"].Value}.{column} = {Text(row.Properties[column].Value)}")).OrderBy(cell => cell, StringComparer.Ordinal);

    private static string Text(object? value) => value switch
    {
        null => "(null)",
        DateTime date => date.ToString("o", CultureInfo.InvariantCulture),
        PSObject wrapped => Text(wrapped.BaseObject),
        IEnumerable<NotionUser> people => string.Join(",", people.Select(person => person.Id)),
        System.Collections.IEnumerable items and not string => string.Join(",", items.Cast<object>()),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };

    [Fact]
    public async Task ARowReadChangedAndPipedBackChangesOnlyThatColumn()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Change a read row");
        await SeedRowsAsync(dataSourceId, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Keep", ["Owner"] = new JsonArray(AdaId, GraceId), ["Tags"] = new JsonArray("b"), ["Due"] = "2026-04-01" } },
        });

        var result = Session.Run(
            "$row = Get-NotionDatabaseRow -DatabaseId $db; $row.Notes = 'Changed'; $row | Set-NotionDatabaseRow -PassThru",
            Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        var row = Assert.Single(result.Output);
        Assert.Equal("Changed", row.Properties["Notes"].Value);
        Assert.Equal("Keep", row.Properties["Name"].Value);
        Assert.Equal(new[] { AdaId, GraceId }, ((NotionUserList)row.Properties["Owner"].Value).Select(user => user.Id));
        Assert.Equal(new[] { "b" }, row.Properties["Tags"].Value);
        Assert.Equal(new DateTime(2026, 4, 1), Unwrapped(row.Properties["Due"].Value));
    }

    [Fact]
    public async Task UnknownColumnsAreRefusedUnlessIgnoredAndComputedOnesAreSkippedWithAWarning()
    {
        Connect("2026-03-11");
        var (databaseId, _) = await NewDatabaseAsync("Unknown columns");

        var refused = Session.Run("@{ Name = 'A'; Colour = 'red' } | Add-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));
        var ignored = Session.Run("@{ Name = 'B'; Colour = 'red'; Created = [datetime]::UtcNow } | Add-NotionDatabaseRow -DatabaseId $db -IgnoreUnknownProperty", Vars(("db", databaseId)));

        var error = Assert.Single(refused.Errors);
        Assert.Equal("NotionUnknownColumn,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("'Colour'", error.ErrorDetails.Message);
        Assert.Empty(refused.Output);
        Assert.Empty(ignored.Errors);
        Assert.Equal("B", Assert.Single(ignored.Output).Properties["Name"].Value);
        Assert.Contains(ignored.Warnings, warning => warning.Message.Contains("'Created'"));
    }

    [Fact]
    public async Task SetTakesTheColumnsFromEachPipedObject()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Set from CSV");
        var ids = await SeedRowsAsync(dataSourceId, new[] { "One", "Two" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }));
        var changes = ids.Select((id, i) =>
        {
            var change = new PSObject();
            change.Properties.Add(new PSNoteProperty("PageId", id));
            change.Properties.Add(new PSNoteProperty("Estimate", (i + 1).ToString(CultureInfo.InvariantCulture)));
            return change;
        }).ToArray();

        var result = Session.Run("$changes | Set-NotionDatabaseRow; Get-NotionDatabaseRow -DatabaseId $db -Sort Name", Vars(("changes", changes), ("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { 1.0, 2.0 }, result.Output.Select(r => r.Properties["Estimate"].Value));
    }

    [Fact]
    public async Task ASlowRequestDoesNotHoldUpTheRowsAfterItAndStoppingCancelsIt()
    {
        Connect("2026-03-11");
        using var watcher = Emulator.NewSession();
        Connect("2026-03-11", watcher);
        var (databaseId, _) = await NewDatabaseAsync("Stop");
        await AddFaultAsync(new JsonObject { ["kind"] = "stall", ["stallMs"] = 120_000, ["count"] = 1, ["method"] = "POST", ["path"] = "/v1/pages" });
        try
        {
            using var ps = Session.CreatePowerShell();
            ps.AddScript("1..3 | ForEach-Object { @{ Name = \"Row $_\" } } | Add-NotionDatabaseRow -DatabaseId $args[0]").AddArgument(databaseId);
            var invocation = ps.BeginInvoke();
            while (await ArmedFaultsAsync() > 0)
            {
                await Task.Yield();
            }

            // Row 1 is held by the emulator; rows 2 and 3, already in flight beside it, are created meanwhile.
            var created = 0;
            for (var poll = 0; poll < 500 && created < 2; poll++)
            {
                created = watcher.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId))).Output.Count;
            }

            ps.Stop();

            Assert.Equal(2, created);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    [Fact]
    public void ADatabaseIdThatCanNeverWorkStopsBeforeAnyRowIsSent()
    {
        Connect("2026-03-11");

        var badLink = Session.Run("try { @{ Name = 'A' }, @{ Name = 'B' } | Add-NotionDatabaseRow -DatabaseId 'not-a-link' } catch { $_ }");
        var notShared = Session.Run("try { @{ Name = 'A' } | Add-NotionDatabaseRow -DatabaseId 3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7 } catch { $_ }");

        Assert.Empty(badLink.Errors);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", Assert.IsType<ErrorRecord>(Assert.Single(badLink.Output).BaseObject).FullyQualifiedErrorId);
        Assert.Empty(notShared.Errors);
        var record = Assert.IsType<ErrorRecord>(Assert.Single(notShared.Output).BaseObject);
        Assert.Equal("NotionObjectNotFound,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", record.FullyQualifiedErrorId);
    }

    [Fact]
    public async Task MatchOnAddsAKeyGivenTwiceOnceAndRefusesAKeyThatIsNotUnique()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Match on");
        await SeedRowsAsync(dataSourceId, new[] { "Twin", "Twin" }.Select(name => new JsonObject { ["properties"] = new JsonObject { ["Name"] = name } }));

        var result = Session.Run(
            "@{ Name = 'Once'; Estimate = 1 }, @{ Name = 'Once'; Estimate = 2 }, @{ Name = 'Twin'; Estimate = 3 }, @{ Estimate = 4 } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn Name",
            Vars(("db", databaseId)));
        var once = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'Once' }", Vars(("db", databaseId)));

        Assert.Equal(new object[] { 1.0, 2.0 }, result.Output.Select(row => row.Properties["Estimate"].Value));
        Assert.Equal(2.0, Assert.Single(once.Output).Properties["Estimate"].Value);
        Assert.Equal(
            new[] { "NotionMatchOnAmbiguous,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", "NotionMatchOnValueMissing,NotionPS.Cmdlets.AddNotionDatabaseRowCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.StartsWith("Row 3 (\"Twin\"): More than one row has 'Name' = 'Twin'", result.Errors[0].ErrorDetails.Message);
    }

    /// <summary>
    /// -MatchOn finds the row its first run wrote, by the value written: a URL key given with spaces around it was written
    /// without them and looked up with them, so every rerun added the row again; a list key matches only the same set,
    /// where a row that merely shared one item with it was overwritten.
    /// </summary>
    [Fact]
    public async Task MatchOnFindsTheRowARunWroteAndAListKeyOnlyItsOwnSet()
    {
        Connect("2026-03-11");
        var (databaseId, _) = await NewDatabaseAsync("Match on values");
        var run = "@{ Name = 'First'; Link = ' https://example.com/a '; Tags = 'a; b' } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn $on";

        var links = Enumerable.Range(0, 2).Select(_ => Session.Run(run, Vars(("db", databaseId), ("on", "Link")))).ToList();
        var sharing = Session.Run("@{ Name = 'Second'; Tags = 'b' } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn Tags", Vars(("db", databaseId)));
        var sameSet = Session.Run("@{ Name = 'Third'; Tags = 'b', 'a' } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn Tags", Vars(("db", databaseId)));
        var rows = Session.Run("Get-NotionDatabaseRow -DatabaseId $db | Sort-Object Name | ForEach-Object Name", Vars(("db", databaseId)));

        Assert.All(links.Append(sharing).Append(sameSet), result => Assert.Empty(result.Errors));
        Assert.Equal(links[0].Output[0].Properties["PageId"].Value, links[1].Output[0].Properties["PageId"].Value);
        Assert.Equal(links[0].Output[0].Properties["PageId"].Value, sameSet.Output[0].Properties["PageId"].Value);
        Assert.Equal(new object[] { "Second", "Third" }, rows.Output.Select(name => name.BaseObject));
    }

    /// <summary>A files column cannot be matched on (Notion's filters cannot compare files): the command stops before any row, naming the column and its type.</summary>
    [Fact]
    public async Task MatchOnAFilesColumnStopsBeforeAnyRow()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Match on files", new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } });

        var result = Session.Run("try { @{ Name = 'A' } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn attachments } catch { $_ }", Vars(("db", databaseId)));
        var rows = Session.Run("Get-NotionDatabaseRow -DataSourceId $ds", Vars(("ds", dataSourceId)));

        var record = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal("NotionMatchOnColumnUnsupported,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", record.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, record.CategoryInfo.Category);
        Assert.StartsWith("'Attachments' is a files column", record.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("such as the title or an ID column", record.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(rows.Output);
    }

    [Fact]
    public void WhatIfChangesNothing()
    {
        Connect("2026-03-11");

        var result = Session.Run("@{ Name = 'Never' } | Add-NotionDatabaseRow -DatabaseId $db -WhatIf; Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'Never' }", Vars(("db", TasksId)));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
    }

    /// <summary>A page that is not in a database, piped between two rows: its own error, InvalidArgument, saying what to use instead; the rows are changed.</summary>
    [Fact]
    public async Task SetNotionDatabaseRowRefusesAPageThatIsNotARowWithItsOwnErrorAndChangesTheOthers()
    {
        var (_, dataSourceId) = await NewDatabaseAsync("Not a row");
        var rows = await SeedRowsAsync(dataSourceId, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "A" } }, new JsonObject { ["properties"] = new JsonObject { ["Name"] = "B" } }]);
        Connect("2026-03-11");

        var result = Session.Run(
            "$first, $page, $second | ForEach-Object { [pscustomobject]@{ PageId = $_ } } | Set-NotionDatabaseRow -Property @{ Notes = 'Changed' } -PassThru",
            Vars(("first", rows[0]), ("page", TeamHomeId), ("second", rows[1])));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionPageNotARow,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith($"Row {TeamHomeId}: Page {TeamHomeId} is not a database row", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("Set-NotionPage", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.EndsWith(error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(["Changed", "Changed"], result.Output.Select(row => row.Properties["Notes"].Value));
    }

    /// <summary>A page ID and nothing else: its own error, InvalidData, saying how to give the changes; nothing is sent.</summary>
    [Fact]
    public async Task SetNotionDatabaseRowWithNothingToChangeSaysHowToGiveTheChanges()
    {
        var (_, dataSourceId) = await NewDatabaseAsync("Nothing to change");
        var row = (await SeedRowsAsync(dataSourceId, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "A", ["Notes"] = "As it was" } }])).Single();
        Connect("2026-03-11");

        var result = Session.Run("Set-NotionDatabaseRow -PageId $row; (Get-NotionDatabaseRow -DataSourceId $ds).Notes", Vars(("row", row), ("ds", dataSourceId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionRowNothingToChange,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.StartsWith($"Row {row}: Nothing to change", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("-Property", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal("As it was", Assert.Single(result.Output).ToString());
    }

    /// <summary>
    /// Only unknown columns under -IgnoreUnknownProperty: an error for that row (NotionRowEmpty, as Add-NotionDatabaseRow
    /// refuses such a row) naming each ignored column, not a line on the verbose stream; the next row is still changed.
    /// </summary>
    [Fact]
    public async Task SetNotionDatabaseRowWithOnlyUnknownColumnsIgnoredIsAnErrorNamingThem()
    {
        var (_, dataSourceId) = await NewDatabaseAsync("Only unknown");
        var rows = await SeedRowsAsync(dataSourceId, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "A", ["Notes"] = "As it was" } }, new JsonObject { ["properties"] = new JsonObject { ["Name"] = "B" } }]);
        Connect("2026-03-11");

        var result = Session.Run(
            "[pscustomobject]@{ PageId = $rows[0]; Colour = 'red'; Size = 3 }, [pscustomobject]@{ PageId = $rows[1]; Notes = 'Changed'; Colour = 'blue' } | Set-NotionDatabaseRow -IgnoreUnknownProperty\n" +
            "Get-NotionDatabaseRow -DataSourceId $ds -Sort Name | ForEach-Object Notes",
            Vars(("rows", rows.ToArray()), ("ds", dataSourceId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionRowEmpty,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.StartsWith($"Row {rows[0]}: Nothing to change: no property of the input names a column of \"Only unknown\" that can be written, so the row is left as it is. Ignored as naming no column: 'Colour', 'Size'.", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(new object[] { "As it was", "Changed" }, result.Output.Select(o => o.BaseObject));
    }

    /// <summary>
    /// Option names are matched ignoring case, as column names are: "high" and "HIGH" write the existing "High" and add
    /// no near-twin options; a status that is no option (Notion adds none through the API) is refused before sending.
    /// </summary>
    [Fact]
    public async Task OptionsAreMatchedIgnoringCaseAndAddNoNearTwins()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Option case");
        Connect("2025-09-03");

        var result = Session.Run(
            """
            $null = "Name,Priority,Tags,Status`nR1,high,A;B,done`nR2,HIGH,c,NOT STARTED`nR3,Low,,Doing" | ConvertFrom-Csv | ForEach-Object { $_.Tags = $_.Tags -split ';'; $_ } | Add-NotionDatabaseRow -DatabaseId $db
            Get-NotionDatabaseRow -DatabaseId $db -Sort Name | ForEach-Object { "$($_.Name) $($_.Priority) $($_.Tags -join '+') $($_.Status)" }
            Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'R2' } | Set-NotionDatabaseRow -Property @{ Priority = 'low' }
            (Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'R2' }).Priority
            """,
            Vars(("db", databaseId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("not an option of this status column ('Not started', 'Done')", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new object[] { "R1 High a+b Done", "R2 High c Not started", "Low" }, result.Output.Select(o => o.BaseObject));
        var schema = await ApiGetAsync($"v1/data_sources/{dataSourceId}", "2025-09-03");
        Assert.Equal(
            new[] { "High", "Low", "a", "b", "c" },
            new[] { "Priority", "Tags" }.SelectMany(column => schema["properties"]![column]![column == "Priority" ? "select" : "multi_select"]!["options"]!.AsArray().Select(option => (string)option!["name"]!)));
    }

    /// <summary>
    /// A new option given in several spellings in one command becomes one option, in the first spelling the command wrote
    /// (the schema is read once per command, so each row would otherwise send its own): Add, Set, Sync, Import and one
    /// multi-select cell of New-NotionPage. Set's first row waits for its page to be read (the others know their data source
    /// sooner): its spelling still wins, as the first in input order.
    /// </summary>
    [Fact]
    public async Task ANewOptionInSeveralSpellingsInOneCommandIsOneOptionInTheFirstSpellingWritten()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("New option spellings", new JsonObject
        {
            ["Size"] = new JsonObject { ["type"] = "select" },
            ["Labels"] = new JsonObject { ["type"] = "multi_select" },
        });
        var csv = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"notionps-options-{Guid.NewGuid():N}.csv");
        Connect("2025-09-03");
        try
        {
            var added = Session.Run(
                "'big', 'BIG', 'Big' | ForEach-Object { @{ Name = \"A $_\"; Size = $_; Labels = 'new; NEW' } } | Add-NotionDatabaseRow -DatabaseId $db -ThrottleLimit 4",
                Vars(("db", databaseId)));
            Assert.Empty(added.Errors);
            var pageIds = added.Output.Select(row => (string)row.Properties["PageId"].Value).ToArray();

            await AddFaultAsync(new JsonObject { ["kind"] = "stall", ["stallMs"] = 1_000, ["count"] = 1, ["method"] = "GET", ["path"] = "/v1/pages/" + pageIds[0] });
            var result = Session.Run(
                """
                $rows = foreach ($i in 0..2) { [pscustomobject]@{ PageId = $ids[$i]; DataSourceId = if ($i) { $ds }; Size = ('small', 'SMALL', 'Small')[$i] } }
                $rows | Set-NotionDatabaseRow -ThrottleLimit 4
                'tiny', 'TINY' | ForEach-Object { @{ Name = "S $_"; Size = $_ } } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name
                "Name,Size`nI1,huge`nI2,HUGE" | Set-Content -LiteralPath $csv
                $null = Import-NotionDatabase -Path $csv -DatabaseId $db
                $null = New-NotionPage -ParentId $db -Title P -Property @{ Labels = 'fresh', 'FRESH' }
                Get-NotionDatabaseRow -DatabaseId $db | ForEach-Object { "$($_.Name)|$($_.Size)|$($_.Labels -join '+')" }
                """,
                Vars(("db", databaseId), ("ds", dataSourceId), ("ids", pageIds), ("csv", csv)));

            Assert.Empty(result.Errors);
            Assert.Equal(
                new[] { "A BIG|small|new", "A Big|small|new", "A big|small|new", "I1|huge|", "I2|huge|", "P||fresh", "S TINY|tiny|", "S tiny|tiny|" },
                result.Output.Select(line => (string)line.BaseObject).OrderBy(line => line, StringComparer.Ordinal));
            var schema = await ApiGetAsync($"v1/data_sources/{dataSourceId}", "2025-09-03");
            Assert.Equal(new[] { "big", "small", "tiny", "huge" }, schema["properties"]!["Size"]!["select"]!["options"]!.AsArray().Select(option => (string)option!["name"]!));
            Assert.Equal(new[] { "new", "fresh" }, schema["properties"]!["Labels"]!["multi_select"]!["options"]!.AsArray().Select(option => (string)option!["name"]!));
        }
        finally
        {
            await ClearFaultsAsync();
            System.IO.File.Delete(csv);
        }
    }

    /// <summary>
    /// -Where and -MatchOn name an option ignoring case, as Notion's filter compares option names exactly: 'high' finds the
    /// rows holding 'High' (select, status, multi-select); a value that is no option finds nothing, without an error; a
    /// third spelling of two options that differ only in case is the error writes give.
    /// </summary>
    [Fact]
    public async Task WhereAndMatchOnNameAnOptionIgnoringCase()
    {
        var (databaseId, _) = await NewDatabaseAsync("Option filters", new JsonObject
        {
            ["Level"] = new JsonObject { ["type"] = "select", ["options"] = Options("Top", "TOP") },
        });
        Connect("2025-09-03");

        var result = Session.Run(
            """
            $added = @{ Name = 'R1'; Priority = 'High'; Status = 'Done'; Tags = 'a' }, @{ Name = 'R2'; Priority = 'Low'; Tags = 'b' } | Add-NotionDatabaseRow -DatabaseId $db
            (Get-NotionDatabaseRow -DatabaseId $db -Where @{ Priority = 'high' }).Name
            (Get-NotionDatabaseRow -DatabaseId $db -Where @{ Status = 'DONE'; Tags = 'A' }).Name
            (Get-NotionDatabaseRow -DatabaseId $db -Where @{ Priority = 'HIGH', 'low' } | Sort-Object Name).Name -join ','
            @(Get-NotionDatabaseRow -DatabaseId $db -Where @{ Priority = 'Medium' }).Count
            (@{ Name = 'R1 again'; Priority = 'HIGH' } | Add-NotionDatabaseRow -DatabaseId $db -MatchOn Priority).PageId -eq $added[0].PageId
            (Get-NotionDatabaseRow -DatabaseId $db | Sort-Object Name).Name -join ','
            Get-NotionDatabaseRow -DatabaseId $db -Where @{ Level = 'top' }
            """,
            Vars(("db", databaseId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionRowValueInvalid,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("matches the options 'Top' and 'TOP', which differ only in case; give one of them exactly", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new object[] { "R1", "R1", "R1,R2", 0, true, "R1 again,R2" }, result.Output.Select(o => o.BaseObject));
    }
}
