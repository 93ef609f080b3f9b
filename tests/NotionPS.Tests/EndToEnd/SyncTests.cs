using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>Sync-NotionDatabaseRow and Get-NotionDatabaseRow's changes since, against the emulator.</summary>
[Collection(EmulatorCollection.Name)]
public class SyncTests : RowsTestBase
{
    private const string AdaEmail = "ada@acme.example";

    public SyncTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    private static string KeyOf(int i) => $"K{i:0000}";

    /// <summary>Row i as Notion holds it before the sync.</summary>
    private static JsonObject SeededRow(int i) => new()
    {
        ["properties"] = new JsonObject
        {
            ["Name"] = KeyOf(i),
            ["Estimate"] = i % 7,
            ["Tags"] = new JsonArray("a", "b"),
            ["Due"] = $"2026-02-{1 + (i % 28):00}",
            ["Owner"] = new JsonArray(AdaId),
            ["Priority"] = i % 2 == 0 ? "High" : "Low",
            ["Done"] = i % 3 == 0,
        },
    };

    /// <summary>
    /// Row i as a CSV file gives it (every value text): the same values as <see cref="SeededRow"/> written
    /// differently (tags in another order, the owner by e-mail, yes for true), with another Estimate when it differs.
    /// </summary>
    private static PSObject InputRow(int i, bool differs)
    {
        var row = new PSObject();
        void Add(string name, string value) => row.Properties.Add(new PSNoteProperty(name, value));
        Add("Name", KeyOf(i));
        Add("Estimate", ((i % 7) + (differs ? 100 : 0)).ToString(CultureInfo.InvariantCulture));
        Add("Tags", "b; a");
        Add("Due", $"2026-02-{1 + (i % 28):00}");
        Add("Owner", AdaEmail);
        Add("Priority", i % 2 == 0 ? "High" : "Low");
        Add("Done", i % 3 == 0 ? "yes" : "no");
        return row;
    }

    /// <summary>1,000 rows K0001..K1000 in Notion; the input has K0051..K1050: 50 gone, 50 new, K0101..K0200 differ.</summary>
    private async Task<(string DatabaseId, IReadOnlyDictionary<string, string> PageIds, PSObject[] Input)> ThousandRowsAsync(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync " + version);
        var ids = await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 1000).Select(SeededRow));
        var pageIds = Enumerable.Range(1, 1000).ToDictionary(KeyOf, i => ids[i - 1]);
        var input = Enumerable.Range(51, 1000).Select(i => InputRow(i, differs: i > 100 && i <= 200)).ToArray();
        return (databaseId, pageIds, input);
    }

    /// <summary>Every row as (key, Estimate, Done), after the sync should have run.</summary>
    private Dictionary<string, (double Estimate, bool Done)> ReadState(string databaseId)
    {
        var read = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));
        Assert.Empty(read.Errors);
        return read.Output.ToDictionary(row => (string)row.Properties["Name"].Value, row => ((double)row.Properties["Estimate"].Value, (bool)row.Properties["Done"].Value));
    }

    private static void AssertSynced(Dictionary<string, (double Estimate, bool Done)> state)
    {
        Assert.Equal(Enumerable.Range(51, 1000).Select(KeyOf).OrderBy(k => k), state.Keys.OrderBy(k => k));
        Assert.All(Enumerable.Range(51, 1000), i => Assert.Equal(((i % 7) + (i > 100 && i <= 200 ? 100 : 0), i % 3 == 0), state[KeyOf(i)]));
    }

    private async Task<(long Requests, long Created, long Updated)> CountersAsync()
    {
        var stats = await Emulator.IntegrationStatsAsync("NotionPS Demo");
        return ((long)stats["requests"]!, (long)stats["pagesCreated"]!, (long)stats["pagesUpdated"]!);
    }

    /// <summary>The requests the module logged (one -Verbose line per answer), as "METHOD path".</summary>
    private static List<string> Requests(ScriptResult result) =>
        result.Verbose.Select(line => line.Message).Where(message => message.Contains(" -> ", StringComparison.Ordinal) && message.Split(' ')[0] is "GET" or "POST" or "PATCH")
            .Select(message => string.Join(' ', message.Split(' ').Take(2))).ToList();

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task AThousandRowsWithAHundredChangedFiftyNewFiftyGoneWriteTwoHundredRequestsAndTheRerunNone(string version)
    {
        Connect(version);
        var (databaseId, pageIds, input) = await ThousandRowsAsync(version);
        var before = await CountersAsync();

        var result = Session.Run("$rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -PassThru -Confirm:$false -Verbose", Vars(("rows", input), ("db", databaseId)));

        var after = await CountersAsync();
        Assert.Empty(result.Errors);
        var outcomes = result.OutputOf<NotionSyncResult>();
        Assert.Equal(50, outcomes.Count(o => o.Action == "Added"));
        Assert.Equal(100, outcomes.Count(o => o.Action == "Updated"));
        Assert.Equal(50, outcomes.Count(o => o.Action == "Trashed"));
        Assert.All(outcomes.Where(o => o.Action == "Updated"), o => Assert.Equal(new[] { "Estimate" }, o.Columns));
        Assert.Equal(Enumerable.Range(1, 50).Select(i => pageIds[KeyOf(i)]).OrderBy(id => id), outcomes.Where(o => o.Action == "Trashed").Select(o => o.PageId).OrderBy(id => id));

        // The emulator saw every request the module logged (its counter is shared with whatever else reaches the
        // shared emulator meanwhile, such as a previous test's last answer, so it may only be more): the writes are
        // exactly 50 creates and 150 page updates (100 changes, 50 trashings), and no unchanged row's page was asked for.
        var requests = Requests(result);
        Assert.InRange(after.Requests - before.Requests, requests.Count, requests.Count + 2);
        Assert.Equal((50, 150), (after.Created - before.Created, after.Updated - before.Updated));
        Assert.Equal(50, requests.Count(r => r == "POST v1/pages"));
        Assert.Equal(150, requests.Count(r => r.StartsWith("PATCH v1/pages/", StringComparison.Ordinal)));
        var unchanged = Enumerable.Range(201, 800).Select(i => pageIds[KeyOf(i)]).Concat(Enumerable.Range(51, 50).Select(i => pageIds[KeyOf(i)])).ToList();
        Assert.Equal(850, unchanged.Count);
        Assert.DoesNotContain(requests, r => unchanged.Any(id => r.Contains(id, StringComparison.OrdinalIgnoreCase) || r.Contains(id.Replace("-", string.Empty), StringComparison.OrdinalIgnoreCase)));
        Assert.Contains(result.Verbose, line => line.Message == "K0101: Estimate: 3 -> 103");
        AssertSynced(ReadState(databaseId));

        var again = await CountersAsync();
        var rerun = Session.Run("$rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -PassThru -Confirm:$false -Verbose", Vars(("rows", input), ("db", databaseId)));
        var afterRerun = await CountersAsync();

        Assert.Empty(rerun.Errors);
        Assert.Empty(rerun.Output);
        Assert.Equal((0, 0), (afterRerun.Created - again.Created, afterRerun.Updated - again.Updated));
        Assert.DoesNotContain(Requests(rerun), r => r.StartsWith("PATCH", StringComparison.Ordinal) || r == "POST v1/pages");
        Assert.Equal(afterRerun.Requests - again.Requests, Requests(rerun).Count);
    }

    [Fact]
    public async Task AFaultMidwayAndARerunEndInTheSyncedState()
    {
        var connected = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion 2026-03-11 -MaximumRetryCount 0");
        Assert.Empty(connected.Errors);
        var (databaseId, _, input) = await ThousandRowsAsync("fault");

        // Ten creates reach Notion but lose their answer, and every fourth update or trashing fails with a 503.
        await AddFaultAsync(new JsonObject { ["kind"] = "abort-after", ["method"] = "POST", ["path"] = "/v1/pages", ["count"] = 10 });
        await AddFaultAsync(new JsonObject { ["kind"] = "503", ["method"] = "PATCH", ["path"] = "/v1/pages/*", ["share"] = 0.25 });
        var faulted = Session.Run("$rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue; $failed", Vars(("rows", input), ("db", databaseId)));
        await ClearFaultsAsync();

        var errors = faulted.OutputOf<ErrorRecord>();
        Assert.Equal(10 + (150 / 4), errors.Count);
        Assert.All(errors, error => Assert.StartsWith("Row ", error.ErrorDetails.Message, StringComparison.Ordinal));

        var rerun = Session.Run("$rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -PassThru -Confirm:$false", Vars(("rows", input), ("db", databaseId)));

        Assert.Empty(rerun.Errors);
        var outcomes = rerun.OutputOf<NotionSyncResult>();

        // The ten creates that lost their answer exist: the rerun finds them by key and adds none of them again.
        Assert.Equal(0, outcomes.Count(o => o.Action == "Added"));
        Assert.Equal(150 / 4, outcomes.Count);
        AssertSynced(ReadState(databaseId));
    }

    [Fact]
    public async Task WhatIfPrintsTheSummaryAndVerboseTheChangesWithoutWriting()
    {
        var host = new TextCaptureHost();
        using var session = Emulator.NewSession(host);
        Connect("2026-03-11", session);
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync what if");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1), SeededRow(2), SeededRow(3) });
        var input = new[] { InputRow(1, differs: false), InputRow(2, differs: true), InputRow(4, differs: false) };
        var before = await CountersAsync();

        var result = session.Run("$rows | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -WhatIf -Verbose", Vars(("rows", input), ("db", databaseId)));

        var after = await CountersAsync();
        Assert.Empty(result.Errors);
        Assert.Contains("1 add, 1 update, 1 unchanged, 1 trash", host.Text, StringComparison.Ordinal);
        Assert.Equal(new[] { "K0002: Estimate: 2 -> 102", "K0004: add", "K0003: trash" }, result.Verbose.Select(line => line.Message).Where(message => message.StartsWith("K000", StringComparison.Ordinal)));
        Assert.Equal((0, 0), (after.Created - before.Created, after.Updated - before.Updated));
    }

    [Fact]
    public async Task ValuesAreComparedByTypeSoTextThatMeansTheStoredValueWritesNothing()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync values");
        await SeedRowsAsync(dataSourceId, new[]
        {
            new JsonObject { ["properties"] = new JsonObject
            {
                ["Name"] = "A", ["Estimate"] = 1.5, ["Tags"] = new JsonArray("a", "c"), ["Due"] = "2026-03-01T09:30:00.000Z",
                ["Owner"] = new JsonArray(AdaId, GraceId), ["Related"] = new JsonArray(), ["Done"] = true, ["Link"] = "https://example.com/a",
            } },
        });
        var before = await CountersAsync();

        var result = Session.Run(
            "@{ Name = ' A '; Estimate = '1,5'; Tags = @('c', 'a'); Due = '2026-03-01T11:30:00+02:00'; Owner = 'grace@acme.example, " + AdaId + "'; Done = 1; Link = 'https://example.com/a'; Notes = '' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -PassThru",
            Vars(("db", databaseId)));

        var after = await CountersAsync();
        Assert.Empty(result.Errors);
        Assert.Empty(result.Output);
        Assert.Equal((0, 0), (after.Created - before.Created, after.Updated - before.Updated));
    }

    [Fact]
    public async Task DuplicateKeysInTheInputOrInNotionStopBeforeAnythingIsWritten()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync duplicates");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1), SeededRow(2), SeededRow(2) });
        var (cleanId, cleanSource) = await NewDatabaseAsync("Sync duplicate input");
        await SeedRowsAsync(cleanSource, new[] { SeededRow(1) });
        var before = await CountersAsync();

        var inNotion = RunExpectingTerminatingError("@{ Name = 'K0009' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -Confirm:$false", Vars(("db", databaseId)));
        var inInput = RunExpectingTerminatingError(
            "@{ Name = 'K0007'; Estimate = 1 }, @{ Name = 'K0001'; Estimate = 9 }, @{ Name = 'K0007' }, @{ Name = '3' }, @{ Name = 3 } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -Confirm:$false",
            Vars(("db", cleanId)));

        var after = await CountersAsync();
        Assert.Equal("NotionSyncDuplicateNotionKey,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand", inNotion.FullyQualifiedErrorId);
        Assert.Matches("same 'Name': Row [0-9a-f-]{36} \\(key \"K0002\"\\) and Row [0-9a-f-]{36} \\(key \"K0002\"\\)\\.", inNotion.ErrorDetails.Message);
        Assert.Equal(ErrorCategory.InvalidData, inNotion.CategoryInfo.Category);
        Assert.Equal("NotionSyncDuplicateInputKey,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand", inInput.FullyQualifiedErrorId);
        Assert.Contains("'Name': Row 1 (key \"K0007\") and Row 3 (key \"K0007\"); Row 4 (key \"3\") and Row 5 (key \"3\").", inInput.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (after.Created - before.Created, after.Updated - before.Updated));
    }

    [Fact]
    public async Task AnInputWithoutAKeyIsAnErrorForThatRowAndKeepsNoRowFromTheOthers()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync missing key");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1), SeededRow(2) });

        var result = Session.Run(
            "@{ Name = ''; Estimate = 5 }, @{ Estimate = 6 }, @{ Name = 'K0001'; Estimate = 'lots' }, @{ Name = 'K0003'; Estimate = 3 } | Sync-NotionDatabaseRow -DatabaseId $db -Key name -DeleteMissing -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue; $failed",
            Vars(("db", databaseId)));

        var errors = result.Output.Select(item => item.BaseObject).OfType<ErrorRecord>().ToList();
        Assert.Equal(new[] { "NotionSyncKeyMissing", "NotionSyncKeyMissing", "NotionRowValueInvalid" }, errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Equal(ErrorCategory.InvalidData, errors[0].CategoryInfo.Category);
        Assert.StartsWith("Row 3 (key \"K0001\")", errors[2].ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("-Key column 'Name'", errors[0].ErrorDetails.Message, StringComparison.Ordinal);

        // K0001's value did not fit, but its key was in the input: it is not trashed. K0002 is.
        var outcomes = result.Output.Select(item => item.BaseObject).OfType<NotionSyncResult>().ToList();
        Assert.Equal(new[] { ("Added", "K0003"), ("Trashed", "K0002") }, outcomes.Select(o => (o.Action, o.Key)));
    }

    /// <summary>
    /// An input whose other value cannot even be read (it contains itself) still gives its key, so -DeleteMissing keeps
    /// its row; it used to fail keyless and its row was trashed.
    /// </summary>
    [Fact]
    public async Task AnInputWithAnUnreadableValueKeepsItsRowFromDeleteMissing()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync unreadable value");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1), SeededRow(2) });

        var result = Session.Run(
            "$cyclic = [ordered]@{ Name = 'K0001' }; $cyclic.Notes = $cyclic; $cyclic, @{ Name = 'K0003' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue; $failed",
            Vars(("db", databaseId)));

        var error = Assert.Single(result.Output.Select(item => item.BaseObject).OfType<ErrorRecord>());
        Assert.Equal("NotionValueCyclic", error.FullyQualifiedErrorId.Split(',')[0]);
        var outcomes = result.Output.Select(item => item.BaseObject).OfType<NotionSyncResult>().ToList();
        Assert.Equal(new[] { ("Added", "K0003"), ("Trashed", "K0002") }, outcomes.Select(o => (o.Action, o.Key)));
    }

    [Fact]
    public async Task AnInputPropertyNamingNoColumnIsThatRowsErrorUnlessIgnoreUnknownProperty()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync unknown property");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1), SeededRow(2) });
        const string Input = "@{ Name = 'K0001'; Estimate = 9; Nope = 'x' }, @{ Name = 'K0003'; Estimate = 3 }";

        var refused = Session.Run(
            Input + " | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -DeleteMissing -PassThru -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue; $failed",
            Vars(("db", databaseId)));

        var error = Assert.Single(refused.Output.Select(item => item.BaseObject).OfType<ErrorRecord>());
        Assert.Equal("NotionUnknownColumn", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.StartsWith("Row 1 (key \"K0001\")", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Contains("'Nope'", error.ErrorDetails.Message, StringComparison.Ordinal);

        // The refused row's key was in the input, so K0001 is neither updated nor trashed; the other rows are synced.
        Assert.Equal(new[] { ("Added", "K0003"), ("Trashed", "K0002") }, refused.Output.Select(item => item.BaseObject).OfType<NotionSyncResult>().Select(o => (o.Action, o.Key)));
        Assert.Equal(1.0, ReadState(databaseId)["K0001"].Estimate);

        var ignored = Session.Run(Input + " | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -IgnoreUnknownProperty -PassThru", Vars(("db", databaseId)));

        Assert.Empty(ignored.Errors);
        Assert.Equal(new[] { ("Updated", "K0001") }, ignored.OutputOf<NotionSyncResult>().Select(o => (o.Action, o.Key)));

        // A row read from Notion names its own properties (PageId, Url, ...) besides its columns: none is unknown.
        var roundTrip = Session.Run("Get-NotionDatabaseRow -DatabaseId $db | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -PassThru", Vars(("db", databaseId)));

        Assert.Empty(roundTrip.Errors);
        Assert.Empty(roundTrip.OutputOf<NotionSyncResult>());
    }

    [Fact]
    public void AKeyOrPropertyThatIsNoWritableColumnStopsTheCommand()
    {
        Connect("2026-03-11");

        var key = RunExpectingTerminatingError("@{ Name = 'x' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Nope", Vars(("db", TasksId)));
        var property = RunExpectingTerminatingError("@{ Name = 'x' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -Property Created", Vars(("db", TasksId)));

        Assert.Equal("NotionUnknownColumn,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand", key.FullyQualifiedErrorId);
        Assert.Equal("NotionUnknownColumn,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand", property.FullyQualifiedErrorId);
        Assert.Contains("-Property 'Created'", property.Exception.Message, StringComparison.Ordinal);
    }

    /// <summary>The refusal of a name that is no writable column lists only the columns that can be written, and says when the name is a computed one.</summary>
    [Theory]
    [InlineData("-Key Score", "-Key 'Score' names the column 'Score' of \"Tasks\", which Notion computes (formula), so it cannot be written.")]
    [InlineData("-Key Name -Property Created", "-Property 'Created' names the column 'Created' of \"Tasks\", which Notion computes (created_time), so it cannot be written.")]
    [InlineData("-Key Nope", "-Key 'Nope' is not a column of \"Tasks\".")]
    public void ARefusedKeyOrPropertyListsOnlyTheColumnsThatCanBeWritten(string parameters, string refusal)
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError($"@{{ Name = 'x' }} | Sync-NotionDatabaseRow -DatabaseId $db {parameters}", Vars(("db", TasksId)));

        Assert.Equal(
            $"{refusal} The columns that can be written are: Name, Status, Priority, Tags, Due, Done, Estimate, Notes, Link, Email, Phone, Owner, Related.",
            error.Exception.Message);
    }

    [Fact]
    public async Task PropertyLimitsWhatIsComparedAndWritten()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Sync property");
        await SeedRowsAsync(dataSourceId, new[] { SeededRow(1) });

        var result = Session.Run("@{ Name = 'K0001'; Estimate = 42; Priority = 'High'; Unknown = 'x' } | Sync-NotionDatabaseRow -DatabaseId $db -Key Name -Property Priority -PassThru", Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        var outcome = Assert.Single(result.OutputOf<NotionSyncResult>());
        Assert.Equal("Updated", outcome.Action);
        Assert.Equal(new[] { "Priority" }, outcome.Columns);
        var row = PSObject.AsPSObject(outcome.Row!);
        Assert.Equal(("High", 1.0), ((string)row.Properties["Priority"].Value, (double)row.Properties["Estimate"].Value));
    }

    /// <summary>Moves the emulator's clock: edits made now are stamped with this minute.</summary>
    private async Task SetClockAsync(string? now)
    {
        using var response = await Emulator.Admin.PutAsJsonAsync("clock", new { now });
        response.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task EditedSinceFindsExactlyTheRowsEditedFromTheBoundaryMinuteOn()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Edited since");
        var seeded = Enumerable.Range(1, 4).Select(i =>
        {
            var row = SeededRow(i);
            row["createdTime"] = "2030-01-01T09:00:00Z";
            row["lastEditedTime"] = "2030-01-01T10:04:00Z";
            return row;
        });
        await SeedRowsAsync(dataSourceId, seeded);

        // K0001 is edited at 10:05:40 (Notion stamps 10:05:00), K0002 at 10:07:10; K0003 was last edited at 10:04.
        await SetClockAsync("2030-01-01T10:05:40Z");
        Assert.Empty(Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'K0001' } | Set-NotionDatabaseRow -Property @{ Estimate = 50 }", Vars(("db", databaseId))).Errors);
        await SetClockAsync("2030-01-01T10:07:10Z");
        Assert.Empty(Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'K0002' } | Set-NotionDatabaseRow -Property @{ Estimate = 60 }", Vars(("db", databaseId))).Errors);

        static DateTime Utc(string time) => DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        string[] EditedSince(string since, string extra = "")
        {
            var result = Session.Run($"Get-NotionDatabaseRow -DatabaseId $db -EditedSince $since {extra}", Vars(("db", databaseId), ("since", Utc(since)), ("created", Utc("2030-01-01T09:01:00Z"))));
            Assert.Empty(result.Errors);
            return result.Output.Select(row => (string)row.Properties["Name"].Value).OrderBy(name => name).ToArray();
        }

        // K0001 was edited after 10:05:20, but Notion says 10:05:00: asking from the start of the minute finds it.
        Assert.Equal(new[] { "K0001", "K0002" }, EditedSince("2030-01-01T10:05:20Z"));
        Assert.Equal(new[] { "K0001", "K0002" }, EditedSince("2030-01-01T10:05:59.999Z"));
        Assert.Equal(new[] { "K0002" }, EditedSince("2030-01-01T10:06:00Z"));
        Assert.Equal(new[] { "K0001", "K0002", "K0003", "K0004" }, EditedSince("2030-01-01T10:04:30Z"));
        Assert.Equal(new[] { "K0002" }, EditedSince("2030-01-01T10:05:20Z", "-Where @{ Priority = 'High' }"));
        Assert.Empty(EditedSince("2030-01-01T10:05:20Z", "-CreatedSince $created"));
    }

    [Fact]
    public async Task CheckpointReadsTheChangesSinceTheLastCompleteReadAndMovesOnlyAfterOne()
    {
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Checkpoint");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 3).Select(i =>
        {
            var row = SeededRow(i);
            row["createdTime"] = yesterday;
            return row;
        }));
        var folder = Path.Combine(Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var checkpoint = Path.Combine(folder, "rows.checkpoint");
        try
        {
            string[] Read(string extra = "")
            {
                var result = Session.Run($"Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $checkpoint {extra}", Vars(("db", databaseId), ("checkpoint", checkpoint)));
                Assert.Empty(result.Errors);
                return result.Output.Select(row => (string)row.Properties["Name"].Value).OrderBy(name => name).ToArray();
            }

            Assert.Equal(new[] { "K0001", "K0002", "K0003" }, Read());
            var written = DateTime.Parse(File.ReadAllText(checkpoint).Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

            // Notion's time at the read's start (the emulator's clock is this machine's here), never later than now.
            Assert.True(written <= DateTime.UtcNow, $"checkpoint {written:o} is later than now");
            Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

            Assert.Empty(Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'K0002' } | Set-NotionDatabaseRow -Property @{ Estimate = 50 }", Vars(("db", databaseId))).Errors);
            Assert.Equal(new[] { "K0002" }, Read());

            // A read that does not get to its end (-First) leaves the checkpoint as it was, with a warning.
            var before = File.ReadAllText(checkpoint);
            var partial = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $checkpoint -First 0", Vars(("db", databaseId), ("checkpoint", checkpoint)));
            Assert.Single(partial.Warnings);
            Assert.Equal(before, File.ReadAllText(checkpoint));

            File.WriteAllText(checkpoint, "yesterday");
            var corrupt = RunExpectingTerminatingError("Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $checkpoint", Vars(("db", databaseId), ("checkpoint", checkpoint)));
            Assert.Equal("NotionCheckpointInvalid,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", corrupt.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidData, corrupt.CategoryInfo.Category);
            Assert.Contains("'yesterday'", corrupt.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal("yesterday", File.ReadAllText(checkpoint));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
    [Theory]
    [InlineData(-5)]
    [InlineData(5)]
    public async Task CheckpointReadsAnEditAfterItWhicheverWayNotionsClockIsSkewed(int notionMinutesAhead)
    {
        // -5: this machine's clock is 5 minutes ahead of Notion's, so an edit is stamped before this machine's "now".
        Connect("2026-03-11");
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Checkpoint skew");
        await SeedRowsAsync(dataSourceId, Enumerable.Range(1, 3).Select(SeededRow));
        var folder = Path.Combine(Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var checkpoint = Path.Combine(folder, "rows.checkpoint");
        await SetClockAsync(DateTime.UtcNow.AddMinutes(notionMinutesAhead).ToString("o", CultureInfo.InvariantCulture));
        try
        {
            string[] Read()
            {
                var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $db -Checkpoint $checkpoint", Vars(("db", databaseId), ("checkpoint", checkpoint)));
                Assert.Empty(result.Errors);
                return result.Output.Select(row => (string)row.Properties["Name"].Value).ToArray();
            }

            void Edit(string name) =>
                Assert.Empty(Session.Run($"Get-NotionDatabaseRow -DatabaseId $db -Where @{{ Name = '{name}' }} | Set-NotionDatabaseRow -Property @{{ Estimate = 50 }}", Vars(("db", databaseId))).Errors);

            Assert.Equal(3, Read().Length);
            Edit("K0002");
            Assert.Contains("K0002", Read());

            // After a read that may find nothing new, an edit is still found by the next one.
            Read();
            Edit("K0003");
            Assert.Contains("K0003", Read());
        }
        finally
        {
            await SetClockAsync(null);
            Directory.Delete(folder, recursive: true);
        }
    }
}
