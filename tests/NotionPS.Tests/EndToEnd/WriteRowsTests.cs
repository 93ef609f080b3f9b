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
    private static readonly string[] WritableColumns = { "Name", "Notes", "Estimate", "Priority", "Status", "Tags", "Due", "Done", "Link", "Email", "Phone", "Owner" };

    public WriteRowsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>A row as Import-Csv gives it: a PSCustomObject whose properties are all strings.</summary>
    private static PSObject CsvRow(int i, string? estimate = null)
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
        Add("Owner", i % 2 == 0 ? AdaId : GraceId);
        return row;
    }

    /// <summary>Every cell of a read row against the input it came from; each mismatch names row and column.</summary>
    private static IEnumerable<string> Mismatches(PSObject input, PSObject read)
    {
        string In(string column) => (string)input.Properties[column].Value;
        object? Out(string column) => read.Properties[column].Value;
        var row = In("Name");
        var expected = new Dictionary<string, object?>
        {
            ["Name"] = In("Name"),
            ["Notes"] = In("Notes"),
            ["Estimate"] = double.Parse(In("Estimate"), CultureInfo.InvariantCulture),
            ["Priority"] = In("Priority"),
            ["Status"] = In("Status"),
            ["Tags"] = string.Join(",", In("Tags").Split(',', StringSplitOptions.RemoveEmptyEntries)),
            ["Due"] = DateTime.ParseExact(In("Due"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Done"] = In("Done") == "true",
            ["Link"] = In("Link"),
            ["Email"] = In("Email"),
            ["Phone"] = In("Phone"),
            ["Owner"] = In("Owner"),
        };
        var actual = new Dictionary<string, object?>
        {
            ["Name"] = Out("Name"),
            ["Notes"] = Out("Notes"),
            ["Estimate"] = Out("Estimate"),
            ["Priority"] = Out("Priority"),
            ["Status"] = Out("Status"),
            ["Tags"] = string.Join(",", (string[])Out("Tags")!),
            ["Due"] = Out("Due"),
            ["Done"] = Out("Done"),
            ["Link"] = Out("Link"),
            ["Email"] = Out("Email"),
            ["Phone"] = Out("Phone"),
            ["Owner"] = ((NotionUser[])Out("Owner")!).Single().Id,
        };
        return WritableColumns.Where(column => !Equals(expected[column], actual[column]))
            .Select(column => $"{row}, column {column}: wrote '{expected[column]}', read '{actual[column]}'");
    }

    private static Dictionary<string, object?> Vars(params (string Name, object? Value)[] pairs) => pairs.ToDictionary(p => p.Name, p => p.Value);

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FiveHundredCsvRowsRoundTripThenUpdateAndTrashByFilter(string version)
    {
        Connect(version);
        var (databaseId, _) = await NewDatabaseAsync("Round trip " + version);
        var input = Enumerable.Range(1, 500).Select(i => CsvRow(i)).ToArray();

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
        var firstRun = Enumerable.Range(1, 1000).Select(i => CsvRow(i, IsBad(i) ? "lots" : null)).ToArray();

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

        var secondRun = Enumerable.Range(1, 1000).Select(i => CsvRow(i)).ToArray();
        var rerun = Session.Run("$rows | Add-NotionDatabaseRow -DatabaseId $db -MatchOn name", Vars(("rows", secondRun), ("db", databaseId)));
        var all = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        Assert.Empty(rerun.Errors);
        Assert.Equal(1000, rerun.Output.Count);
        Assert.Equal(1000, all.Output.Count);
        Assert.Equal(1000, all.Output.Select(r => r.Properties["Name"].Value).Distinct().Count());
        Assert.All(all.Output, row => Assert.NotNull(row.Properties["Estimate"].Value));
    }

    [Fact]
    public async Task FaultsDuringABulkAddLeaveEveryRowCreatedOnceOrReportedAndARerunFinishesTheJob()
    {
        Connect("2026-03-11");
        var (databaseId, _) = await NewDatabaseAsync("Faults");
        var input = Enumerable.Range(1, 200).Select(i => CsvRow(i)).ToArray();
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
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ARowReadFromOneDatabaseCopiesIntoAnotherWithACollidingColumn(string version)
    {
        Connect(version);
        var urlColumn = new JsonObject { ["Url"] = new JsonObject { ["type"] = "url" } };
        var (source, sourceDataSource) = await NewDatabaseAsync("Copy from " + version, urlColumn);
        var (target, _) = await NewDatabaseAsync("Copy to " + version, urlColumn);
        await SeedRowsAsync(sourceDataSource, new[]
        {
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Copied", ["Url"] = "https://example.com/own", ["Tags"] = new JsonArray("a", "c"), ["Owner"] = new JsonArray(AdaId), ["Done"] = true, ["Due"] = new JsonObject { ["start"] = "2026-03-01T09:30:00.000Z" }, ["Estimate"] = 2.5 } },
        });

        var copied = Session.Run("Get-NotionDatabaseRow -DatabaseId $from | Add-NotionDatabaseRow -DatabaseId $to", Vars(("from", source), ("to", target)));

        Assert.Empty(copied.Errors);
        var row = Assert.Single(copied.Output);
        Assert.Equal(target, row.Properties["DatabaseId"].Value);
        Assert.Equal("https://example.com/own", row.Properties["Url (column)"].Value);
        Assert.StartsWith("https://", (string)row.Properties["Url"].Value);
        Assert.NotEqual("https://example.com/own", row.Properties["Url"].Value);
        Assert.Equal(new[] { "a", "c" }, row.Properties["Tags"].Value);
        Assert.Equal(AdaId, ((NotionUser[])row.Properties["Owner"].Value).Single().Id);
        Assert.Equal(true, row.Properties["Done"].Value);
        Assert.Equal(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc), row.Properties["Due"].Value);
        Assert.Equal(2.5, row.Properties["Estimate"].Value);
    }

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
        Assert.Equal(new[] { AdaId, GraceId }, ((NotionUser[])row.Properties["Owner"].Value).Select(user => user.Id));
        Assert.Equal(new[] { "b" }, row.Properties["Tags"].Value);
        Assert.Equal(new DateTime(2026, 4, 1), row.Properties["Due"].Value);
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

    [Fact]
    public void WhatIfChangesNothing()
    {
        Connect("2026-03-11");

        var result = Session.Run("@{ Name = 'Never' } | Add-NotionDatabaseRow -DatabaseId $db -WhatIf; Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'Never' }", Vars(("db", TasksId)));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
    }
}
