using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Export-NotionDatabase and Import-NotionDatabase against the emulator: a backup restored into an empty copy
/// gives equal rows cell by cell, under each API version; the CSV is what Export-Csv writes; the file is replaced
/// only when complete; a missing column stops the import before any row; one bad row never loses the others.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ExportImportTests(EmulatorFixture emulator) : RowsTestBase(emulator), IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "export-" + Guid.NewGuid().ToString("N"))).FullName;

    public new void Dispose()
    {
        Directory.Delete(folder, recursive: true);
        base.Dispose();
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ABackupRestoredIntoAnEmptyDatabaseGivesEqualRowsCellByCell(string version)
    {
        Connect(version);
        var (source, parents) = await SourceDatabaseAsync(version);
        var (copy, _) = await BareDatabaseAsync("Copy " + version);
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup));

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup", vars);
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to -CreateMissingColumns -PassThru", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Name", vars).Output;
        var restored = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Name", vars).Output;

        Assert.Empty(exported.Errors);
        Assert.Empty(imported.Errors);
        Assert.Equal(5, imported.Output.Count);
        Assert.Equal(5, restored.Count);
        Assert.Equal(RowCells.Of(original, RowCells.WritableColumns), RowCells.Of(restored, RowCells.WritableColumns));
        var range = Assert.IsType<NotionDateRange>(restored.Single(row => (string)row.Properties["Name"].Value == "Range").Properties["Due"].Value);
        Assert.Equal<(DateTime, DateTime?, string?)>((new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 5, 16, 30, 0, DateTimeKind.Utc), null), (range.Start, range.End, range.TimeZone));
        Assert.Equal(parents.Count, Assert.IsType<MultiValue>(restored.Single(row => (string)row.Properties["Name"].Value == "Many").Properties["Parent"].Value).Count);
    }

    /// <summary>A backup edited to hold lone surrogate escapes, in a column name and in cells, reads them as U+FFFD, never failing obscurely.</summary>
    [Fact]
    public async Task ABackupWithLoneSurrogateEscapesIsRestoredWithTheReplacementCharacter()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("surrogates");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("backup", backup), ("page", TeamHomeId));
        Assert.Empty(Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup", vars).Errors);
        File.WriteAllText(backup, File.ReadAllText(backup).Replace("\"Range\"", "\"Ra\\ud800nge\"").Replace("\"Notes\"", "\"No\\udc00tes\""));

        var created = Session.Run("(New-NotionDatabase -ParentId $page -Title Copy -BackupPath $backup).DatabaseId", vars);
        vars["to"] = created.Output.Single().BaseObject;
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to", vars);
        var restored = Session.Run("Get-NotionDatabaseRow -DatabaseId $to", vars).Output;

        Assert.Empty(created.Errors.Concat(imported.Errors).Select(error => error.ToString()));
        Assert.Contains(restored, row => (string)row.Properties["Name"].Value == "Ra\uFFFDnge");
        Assert.All(restored, row => Assert.NotNull(row.Properties["No\uFFFDtes"]));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ABackupRestoredIntoANewDatabaseMadeFromItsSchemaGivesEqualRowsCellByCell(string version)
    {
        Connect(version);
        var (source, _) = await SourceDatabaseAsync("new " + version, moreRows: 45);
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("backup", backup), ("page", TeamHomeId));

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup", vars);
        var created = Session.Run("New-NotionDatabase -ParentId $page -Title Copy -BackupPath $backup", vars);
        Assert.Empty(created.Errors.Select(error => error.ToString()));
        var copy = (string)Assert.Single(created.Output).Properties["DatabaseId"].Value;
        vars["to"] = copy;
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Name", vars).Output;
        var restored = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Name", vars).Output;

        Assert.Empty(exported.Errors);
        Assert.Empty(created.Errors);
        Assert.Empty(imported.Errors);
        Assert.Equal(50, original.Count);
        Assert.Equal(RowCells.Of(original, RowCells.WritableColumns), RowCells.Of(restored, RowCells.WritableColumns));
    }

    [Fact]
    public async Task NewNotionDatabaseRefusesABackupPathThatIsNotABackup()
    {
        Connect("2026-03-11");
        var notBackup = Path.Combine(folder, "rows.json");
        File.WriteAllText(notBackup, "{\"rows\": []}");
        var vars = Vars(("page", TeamHomeId), ("missing", Path.Combine(folder, "missing.json")), ("notBackup", notBackup));

        var missing = Session.Run("New-NotionDatabase -ParentId $page -BackupPath $missing", vars);
        var invalid = Session.Run("New-NotionDatabase -ParentId $page -BackupPath $notBackup", vars);

        Assert.StartsWith("NotionImportFileNotFound", Assert.Single(missing.Errors).FullyQualifiedErrorId);
        Assert.StartsWith("NotionImportFileInvalid", Assert.Single(invalid.Errors).FullyQualifiedErrorId);
        Assert.Empty(missing.Output);
        Assert.Empty(invalid.Output);
    }

    [Fact]
    public async Task TheJsonBackupKeepsTypesAndTheSchema()
    {
        Connect("2026-03-11");
        var (source, parents) = await SourceDatabaseAsync("json");
        var backup = Path.Combine(folder, "backup.json");

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup", Vars(("from", source), ("backup", backup)));

        Assert.Empty(exported.Errors);
        var json = JsonNode.Parse(File.ReadAllText(backup))!;
        Assert.Equal("NotionPS.DatabaseExport", (string?)json["format"]);
        Assert.Equal(5, (int)json["rowCount"]!);
        var columns = json["columns"]!.AsArray();
        var tags = columns.Single(column => (string?)column!["name"] == "Tags")!;
        Assert.Equal("multi_select", (string?)tags["type"]);
        Assert.Equal(RowCells.Tags, tags["definition"]!["multi_select"]!["options"]!.AsArray().Select(option => (string?)option!["name"]));
        Assert.NotNull((string?)tags["id"]);
        var full = json["rows"]!.AsArray().Single(row => (string?)row!["cells"]!["Name"] == "Full")!["cells"]!;
        Assert.Equal(JsonValueKind.Number, full["Estimate"]!.GetValueKind());
        Assert.Equal(2.5, (double)full["Estimate"]!);
        Assert.True((bool)full["Done"]!);
        Assert.Equal("2026-03-01T09:30:00.000Z", (string?)full["Due"]!["start"]);
        Assert.Null(full["Due"]!["end"]);
        Assert.Equal([AdaId, GraceId], full["Owner"]!.AsArray().Select(person => (string?)person!["id"]));
        Assert.Equal(["ada@acme.example", "grace@acme.example"], full["Owner"]!.AsArray().Select(person => (string?)person!["email"]));
        Assert.Equal(parents.Take(3), full["Parent"]!.AsArray().Select(id => (string?)id));
        Assert.Equal(["report.pdf", "a;b,c.png"], full["Files"]!.AsArray().Select(file => (string?)file!["name"]));
        Assert.Equal("https://example.com/report.pdf", (string?)full["Files"]![0]!["url"]);
        var range = json["rows"]!.AsArray().Single(row => (string?)row!["cells"]!["Name"] == "Range")!["cells"]!["Due"]!;
        Assert.Equal(("2026-03-02T09:00:00.000+01:00", "2026-03-05T17:30:00.000+01:00", null), ((string?)range["start"], (string?)range["end"], (string?)range["time_zone"]));
    }

    [Fact]
    public async Task TheCsvFileHasTheCellsGetNotionDatabaseRowWritesThroughExportCsvAndReadsBack()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("csv");
        var (target, _) = await CopyWithSchemaAsync("CSV to");
        var ours = Path.Combine(folder, "ours.csv");
        var theirs = Path.Combine(folder, "theirs.csv");
        var vars = Vars(("from", source), ("to", target), ("ours", ours), ("theirs", theirs));

        var exported = Session.Run("Export-NotionDatabase $from $ours; Get-NotionDatabaseRow $from | Export-Csv -Path $theirs", vars);
        var ourCells = Session.Run("Import-Csv $ours | Sort-Object Name", vars).Output;
        var theirCells = Session.Run("Import-Csv $theirs | Sort-Object Name", vars).Output;
        var imported = Session.Run("Import-NotionDatabase -Path $ours -DatabaseId $to", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Name", vars).Output;
        var copies = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Name", vars).Output;

        Assert.Empty(exported.Errors);
        Assert.Equal(RowCells.Texts(theirCells), RowCells.Texts(ourCells));
        Assert.StartsWith("\"Name\",\"Notes\",\"Estimate\"", File.ReadAllText(ours));
        Assert.Empty(imported.Errors);
        Assert.Contains(imported.Warnings, warning => warning.Message.Contains("'Created' (created_time)"));
        Assert.Equal(RowCells.Of(original, RowCells.WritableColumns, timeZones: false), RowCells.Of(copies, RowCells.WritableColumns, timeZones: false));
    }

    /// <summary>
    /// A schema that lists its title last (as Notion's own answers often do): the CSV header puts the title first, the
    /// others in the schema's order, as the rows of Get-NotionDatabaseRow and Notion's own CSV export do; the JSON backup
    /// keeps the schema as Notion gave it; the import maps the CSV's columns by name.
    /// </summary>
    [Fact]
    public async Task TheCsvPutsTheTitleFirstAsTheRowsDoAndImportsBackByName()
    {
        Connect("2026-03-11");
        var (source, sourceDataSource) = await TitleLastDatabaseAsync("Title last");
        await SeedRowsAsync(sourceDataSource,
        [
            new JsonObject { ["properties"] = new JsonObject { ["Item"] = "First", ["Notes"] = "one", ["Estimate"] = 1.5 } },
            new JsonObject { ["properties"] = new JsonObject { ["Item"] = "Second", ["Notes"] = "two, \"quoted\"", ["Estimate"] = 2 } },
        ]);
        var (copy, _) = await TitleLastDatabaseAsync("Title last copy");
        var csv = Path.Combine(folder, "title-last.csv");
        var backup = Path.Combine(folder, "title-last.json");
        var vars = Vars(("from", source), ("to", copy), ("csv", csv), ("backup", backup));

        var exported = Session.Run("Export-NotionDatabase $from $csv; Export-NotionDatabase $from $backup", vars);
        var rowsHeader = Session.Run("(Get-NotionDatabaseRow $from | ConvertTo-Csv)[0]", vars).Output.Single().ToString();
        var imported = Session.Run("Import-NotionDatabase -Path $csv -DatabaseId $to", vars);
        var original = Session.Run("Get-NotionDatabaseRow -DatabaseId $from -Sort Item | Select-Object Item, Notes, Estimate | ConvertTo-Csv", vars).Output;
        var restored = Session.Run("Get-NotionDatabaseRow -DatabaseId $to -Sort Item | Select-Object Item, Notes, Estimate | ConvertTo-Csv", vars).Output;

        Assert.Empty(exported.Errors);
        var header = File.ReadLines(csv).First();
        Assert.Equal("\"Item\",\"Notes\",\"Estimate\"", header);
        Assert.EndsWith("," + header, rowsHeader, StringComparison.Ordinal);
        var columns = JsonNode.Parse(File.ReadAllText(backup))!["columns"]!.AsArray().Select(column => (string?)column!["name"]);
        Assert.Equal(["Notes", "Estimate", "Item"], columns);
        Assert.Empty(imported.Errors);
        Assert.Equal(3, original.Count);
        Assert.Equal(original.Select(line => line.ToString()), restored.Select(line => line.ToString()));
    }

    [Fact]
    public async Task ProgressCountsTheRowsWrittenAPageAtATimeAndTheImportSaysOfHowMany()
    {
        Connect("2026-03-11");
        var (source, dataSource) = await NewDatabaseAsync("Progress");
        await SeedRowsAsync(dataSource, Enumerable.Range(0, 250).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"Row {i}" } }));
        var (copy, _) = await NewDatabaseAsync("Progress copy");
        var file = Path.Combine(folder, "progress.json");
        Session.Run("$ProgressPreference = 'Continue'");

        using var export = Session.CreatePowerShell();
        export.AddCommand("Export-NotionDatabase").AddParameter("DatabaseId", source).AddParameter("Path", file).Invoke();
        using var import = Session.CreatePowerShell();
        import.AddCommand("Import-NotionDatabase").AddParameter("Path", file).AddParameter("DatabaseId", copy).Invoke();

        Assert.Empty(export.Streams.Error);
        Assert.Empty(import.Streams.Error);
        var exported = export.Streams.Progress.Where(record => record.RecordType == ProgressRecordType.Processing).Select(record => record.StatusDescription).ToList();
        Assert.Equal(["100 rows written", "200 rows written", "250 rows written"], exported);
        Assert.Equal(ProgressRecordType.Completed, export.Streams.Progress.Last().RecordType);
        var imported = import.Streams.Progress.Where(record => record.RecordType == ProgressRecordType.Processing).ToList();
        Assert.Equal(["100 of 250 rows", "200 of 250 rows", "250 of 250 rows"], imported.Select(record => record.StatusDescription));
        Assert.Equal([40, 80, 100], imported.Select(record => record.PercentComplete));
        Assert.Equal(ProgressRecordType.Completed, import.Streams.Progress.Last().RecordType);
    }

    [Fact]
    public async Task ANumberWithThreeDecimalsIsWrittenSoThatEveryCultureReadsItBack()
    {
        Connect("2026-03-11");
        var (source, dataSource) = await NewDatabaseAsync("Decimals");
        await SeedRowsAsync(dataSource, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Pi", ["Estimate"] = 3.142 } }]);
        var (target, _) = await NewDatabaseAsync("Decimals copy");
        var file = Path.Combine(folder, "decimals.csv");
        var vars = Vars(("from", source), ("to", target), ("file", file));

        Session.Run("Export-NotionDatabase $from $file", vars);
        var imported = Session.Run("Import-Csv $file | Add-NotionDatabaseRow -DatabaseId $to", vars);

        Assert.Contains("\"3.1420\"", File.ReadAllText(file));
        Assert.Empty(imported.Errors);
        Assert.Equal(3.142, Assert.Single(imported.Output).Properties["Estimate"].Value);
    }

    [Fact]
    public async Task AMissingColumnIsAnErrorListingWhatToCreateBeforeAnyRowIsWritten()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("missing");
        var (copy, copyDataSource) = await BareDatabaseAsync("Bare");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup));
        Session.Run("Export-NotionDatabase $from $backup", vars);

        var error = RunExpectingTerminatingError("Import-NotionDatabase -Path $backup -DatabaseId $to", vars);

        Assert.Equal("NotionImportColumnsMissing,NotionPS.Cmdlets.ImportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("'Estimate' (number)", error.Exception.Message);
        Assert.Contains("'Owner' (people)", error.Exception.Message);
        Assert.DoesNotContain("'Created'", error.Exception.Message);
        Assert.Contains("-CreateMissingColumns", error.Exception.Message);
        Assert.Empty(await Emulator.QueryTitlesAsync(copyDataSource, string.Empty));
    }

    [Fact]
    public async Task MatchOnUpdatesTheRowsThatExistSoARestoreRunsTwiceWithoutDuplicates()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("twice");
        var (copy, copyDataSource) = await CopyWithSchemaAsync("Twice");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup));
        Session.Run("Export-NotionDatabase $from $backup", vars);

        var first = Session.Run("Import-NotionDatabase $backup $to -MatchOn Name", vars);
        var second = Session.Run("Import-NotionDatabase $backup $to -MatchOn Name -PassThru", vars);

        Assert.Empty(first.Errors);
        Assert.Empty(first.Output);
        Assert.Empty(second.Errors);
        Assert.Equal(5, second.Output.Count);
        Assert.Equal(5, (await Emulator.QueryTitlesAsync(copyDataSource, string.Empty)).Count);
    }

    /// <summary>
    /// A backup's file entry is a link Notion held: its URL is never read as a local path, even with -LocalFileRoot (a backup
    /// may come from anyone, and must not choose which of your files leave the machine); only the files its export saved are
    /// uploaded. The path goes to Notion as the link it is, which Notion refuses for that row.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ABackupsFileUrlThatIsALocalPathUploadsNothing(bool fullPath)
    {
        const string Version = "2026-03-11";
        Connect(Version);
        var columns = new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } };
        var (source, sourceDataSource) = await NewDatabaseAsync("Linked report", columns);
        var (copy, copyDataSource) = await NewDatabaseAsync("Linked report copy", (JsonObject)columns.DeepClone());
        await SeedRowsAsync(sourceDataSource, [new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["Name"] = "Report",
                ["Attachments"] = new JsonArray(new JsonObject { ["name"] = "report.pdf", ["type"] = "external", ["external"] = new JsonObject { ["url"] = "https://e.example/report.pdf" } }),
            },
        }]);
        var secret = Path.Combine(folder, "secret.txt");
        File.WriteAllText(secret, "not for Notion");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup), ("root", folder));
        Session.Run("Export-NotionDatabase $from $backup", vars);
        var json = JsonNode.Parse(File.ReadAllText(backup))!;
        json["rows"]![0]!["cells"]!["Attachments"]![0]!["url"] = fullPath ? secret : "secret.txt";
        File.WriteAllText(backup, json.ToJsonString());
        var uploads = await UploadCountAsync(Version);

        var imported = Session.Run("Import-NotionDatabase $backup $to -LocalFileRoot $root", vars);

        Assert.Equal(uploads, await UploadCountAsync(Version));
        var refused = Assert.Single(imported.Errors);
        Assert.Equal("NotionValidationError,NotionPS.Cmdlets.ImportNotionDatabaseCommand", refused.FullyQualifiedErrorId);
        Assert.Empty(await Emulator.QueryTitlesAsync(copyDataSource, string.Empty));
    }

    /// <summary>A backup edited by hand to give a row's cell twice fails that row, naming the key, rather than silently writing the last value.</summary>
    [Fact]
    public async Task ARowThatGivesACellTwiceGetsItsOwnErrorAndTheOthersAreWritten()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("repeated cell");
        var (copy, copyDataSource) = await CopyWithSchemaAsync("Repeated cell");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup));
        Session.Run("Export-NotionDatabase $from $backup", vars);
        var json = JsonNode.Parse(File.ReadAllText(backup))!;
        json["rows"]!.AsArray().Single(row => (string?)row!["cells"]!["Name"] == "Day")!["cells"]!["Name"] = "repeated";
        File.WriteAllText(backup, json.ToJsonString().Replace("\"Name\":\"repeated\"", "\"Name\":\"first\",\"Name\":\"second\"", StringComparison.Ordinal));

        var imported = Session.Run("Import-NotionDatabase $backup $to", vars);

        var error = Assert.Single(imported.Errors);
        Assert.Equal("NotionImportFileInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Row ", error.ToString());
        Assert.Contains("gives \"cells.Name\" twice", error.ToString());
        var titles = await Emulator.QueryTitlesAsync(copyDataSource, string.Empty);
        Assert.Equal(4, titles.Count);
        Assert.DoesNotContain("second", titles);
    }

    [Fact]
    public async Task ARowThatCannotBeWrittenGetsItsOwnErrorAndTheOthersAreWritten()
    {
        Connect("2026-03-11");
        var (source, _) = await SourceDatabaseAsync("bad row");
        var (copy, copyDataSource) = await CopyWithSchemaAsync("Bad row");
        var backup = Path.Combine(folder, "backup.json");
        var vars = Vars(("from", source), ("to", copy), ("backup", backup));
        Session.Run("Export-NotionDatabase $from $backup", vars);
        var json = JsonNode.Parse(File.ReadAllText(backup))!;
        json["rows"]!.AsArray().Single(row => (string?)row!["cells"]!["Name"] == "Day")!["cells"]!["Estimate"] = "not a number";
        File.WriteAllText(backup, json.ToJsonString());

        var imported = Session.Run("Import-NotionDatabase $backup $to", vars);

        var error = Assert.Single(imported.Errors);
        Assert.Equal("NotionRowValueInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("(\"Day\")", error.ToString());
        Assert.Equal("Day", ((PSObject)error.TargetObject).Properties["Name"].Value);
        Assert.Equal(4, (await Emulator.QueryTitlesAsync(copyDataSource, string.Empty)).Count);
    }

    [Fact]
    public async Task AnExportThatFailsMidwayLeavesTheFileThatWasThere()
    {
        Connect("2026-03-11");
        var (source, dataSource) = await NewDatabaseAsync("Fails midway");
        var targets = await SeedRowsAsync(dataSource, Enumerable.Range(0, 30).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"Target {i}" } }));
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // The row on the second page has more related rows than a page object carries: they come from the property endpoint, which fails.
        await SeedRowsAsync(dataSource, Enumerable.Range(0, 150).Select(i => new JsonObject
        {
            ["createdTime"] = start.AddMinutes(i).ToString("o", CultureInfo.InvariantCulture),
            ["properties"] = new JsonObject { ["Name"] = $"Row {i}", ["Related"] = i == 140 ? new JsonArray(targets.Select(id => (JsonNode)id).ToArray()) : new JsonArray() },
        }));
        await AddFaultAsync(new JsonObject { ["kind"] = "500", ["share"] = 1.0, ["method"] = "GET", ["path"] = "/v1/pages/*/properties/*" });
        var file = Path.Combine(folder, "backup.json");
        File.WriteAllText(file, "the good backup");

        var exported = Session.Run("Export-NotionDatabase $from $file", Vars(("from", source), ("file", file)));
        await ClearFaultsAsync();

        var error = Assert.Single(exported.Errors);
        Assert.Equal("NotionServerError,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal("the good backup", File.ReadAllText(file));
        Assert.Equal(["backup.json"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task NoClobberForceAndTheFileFormatsAreCheckedBeforeAnythingIsRead()
    {
        Connect("2026-03-11");
        var (source, _) = await NewDatabaseAsync("Checks");
        var existing = Path.Combine(folder, "existing.csv");
        File.WriteAllText(existing, "kept");
        var vars = Vars(("from", source), ("existing", existing), ("text", Path.Combine(folder, "rows.txt")), ("json", Path.Combine(folder, "rows.json")), ("missing", Path.Combine(folder, "none.json")));

        var noClobber = Session.Run("Export-NotionDatabase $from $existing -NoClobber", vars);
        var unknown = RunExpectingTerminatingError("Export-NotionDatabase $from $text", vars);
        var encoding = RunExpectingTerminatingError("Export-NotionDatabase $from $json -Encoding unicode", vars);
        var notFound = RunExpectingTerminatingError("Import-NotionDatabase $missing $from", vars);
        File.WriteAllText(Path.Combine(folder, "bad.json"), "{ \"format\": \"something else\" }");
        var invalid = RunExpectingTerminatingError("Import-NotionDatabase (Join-Path $folder bad.json) $from", new Dictionary<string, object?>(vars) { ["folder"] = folder });
        var replaced = Session.Run("Export-NotionDatabase $from $existing", vars);
        var utf16 = Session.Run("Export-NotionDatabase $from $existing -Encoding unicode; Get-Content -Path $existing -TotalCount 1", vars);

        Assert.Equal("NotionExportFileExists,NotionPS.Cmdlets.ExportNotionDatabaseCommand", Assert.Single(noClobber.Errors).FullyQualifiedErrorId);
        Assert.Equal("NotionExportFormatUnknown,NotionPS.Cmdlets.ExportNotionDatabaseCommand", unknown.FullyQualifiedErrorId);
        Assert.Equal("NotionExportEncodingInvalid,NotionPS.Cmdlets.ExportNotionDatabaseCommand", encoding.FullyQualifiedErrorId);
        Assert.Equal("NotionImportFileNotFound,NotionPS.Cmdlets.ImportNotionDatabaseCommand", notFound.FullyQualifiedErrorId);
        Assert.Equal("NotionImportFileInvalid,NotionPS.Cmdlets.ImportNotionDatabaseCommand", invalid.FullyQualifiedErrorId);
        Assert.Empty(replaced.Errors);
        Assert.Empty(utf16.Errors);
        Assert.Equal([0xFF, 0xFE], File.ReadAllBytes(existing).Take(2));
        Assert.StartsWith("\"Name\"", File.ReadAllText(existing));
        Assert.StartsWith("\"Name\"", (string)utf16.Output.Last().BaseObject);
    }

    /// <summary>
    /// A parents database of 30 rows and a source with every writable column type, whose relation column points at
    /// the parents (so a copy can point at the same pages). Five rows: every cell set, a date range with a time zone,
    /// a date alone, an empty row, and one related to all 30 parents (past the 25 a page object carries); and
    /// <paramref name="moreRows"/> more, each with every cell set to values of its own.
    /// </summary>
    private async Task<(string DatabaseId, IReadOnlyList<string> Parents)> SourceDatabaseAsync(string label, int moreRows = 0)
    {
        var parentsIds = await NewDatabaseAsync("Parents " + label);
        var parentsDataSource = parentsIds.DataSourceId;
        var parents = await SeedRowsAsync(parentsDataSource, Enumerable.Range(1, 30).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"P{i}" } }));
        var (source, sourceDataSource) = await NewDatabaseAsync("Source " + label, ExtraColumns(parentsIds));
        this.parentsIds = parentsIds;
        await SeedRowsAsync(sourceDataSource,
        [
            new JsonObject { ["properties"] = new JsonObject
            {
                ["Name"] = "Full", ["Notes"] = "two\nlines, \"quoted\"; and a \\ backslash", ["Estimate"] = 2.5, ["Priority"] = "High", ["Status"] = "Done",
                ["Tags"] = new JsonArray("a", "semi; colon", "back\\slash", "naïve ✓"), ["Due"] = new JsonObject { ["start"] = "2026-03-01T09:30:00.000Z" }, ["Done"] = true,
                ["Link"] = "https://example.com/a?b=1;c=2", ["Email"] = "full@example.com", ["Phone"] = "+1 555 0100",
                ["Owner"] = new JsonArray(AdaId, GraceId), ["Parent"] = new JsonArray(parents[0], parents[1], parents[2]),
                ["Files"] = new JsonArray(RowCells.ExternalFile("https://example.com/report.pdf"), RowCells.ExternalFile("https://example.com/a;b,c.png")),
            } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Day", ["Due"] = "2026-04-01", ["Estimate"] = -3 } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Empty" } },
            new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Many", ["Parent"] = new JsonArray(parents.Select(id => (JsonNode)id).ToArray()) } },
            .. Enumerable.Range(1, moreRows).Select(i => new JsonObject { ["properties"] = new JsonObject
            {
                ["Name"] = $"Row {i:D2}", ["Notes"] = $"note {i}", ["Estimate"] = i * 1.25, ["Priority"] = i % 2 == 0 ? "High" : "Low", ["Status"] = i % 3 == 0 ? "Done" : "Not started",
                ["Tags"] = new JsonArray(RowCells.Tags[i % RowCells.Tags.Length]), ["Due"] = $"2026-05-{i % 28 + 1:D2}", ["Done"] = i % 2 == 1,
                ["Link"] = $"https://example.com/{i}", ["Email"] = $"row{i}@example.com", ["Phone"] = $"+1 555 {i:D4}",
                ["Owner"] = new JsonArray(i % 2 == 0 ? AdaId : GraceId), ["Parent"] = new JsonArray(parents[i % parents.Count]),
                ["Files"] = new JsonArray(RowCells.ExternalFile($"https://example.com/file{i}.pdf")),
            } }),
        ]);

        // Through the API, with a time zone, which Notion takes with wall-clock times and answers with their UTC offsets.
        var range = Session.Run(
            "Add-NotionDatabaseRow -DatabaseId $source -InputObject @{ Name = 'Range'; Due = @{ Start = '2026-03-02T09:00:00'; End = '2026-03-05T17:30:00'; TimeZone = 'Europe/Berlin' }; Owner = $owner; Tags = 'b' }",
            Vars(("source", source), ("owner", GraceId)));
        Assert.Empty(range.Errors);
        return (source, parents);
    }

    private (string DatabaseId, string DataSourceId) parentsIds;

    /// <summary>An empty database with the same columns as the last source made.</summary>
    private Task<(string DatabaseId, string DataSourceId)> CopyWithSchemaAsync(string title) => NewDatabaseAsync(title, ExtraColumns(parentsIds));

    /// <summary>An empty database with only its title column, Name.</summary>
    private async Task<(string DatabaseId, string DataSourceId)> BareDatabaseAsync(string title)
    {
        var databaseId = Guid.NewGuid().ToString();
        var dataSourceId = Guid.NewGuid().ToString();
        await Emulator.AdminPostAsync("databases", new JsonObject
        {
            ["id"] = databaseId,
            ["title"] = title,
            ["parent"] = TeamHomeId,
            ["dataSources"] = new JsonArray(new JsonObject { ["id"] = dataSourceId, ["name"] = title, ["properties"] = new JsonObject { ["Name"] = new JsonObject { ["type"] = "title" } } }),
        });
        return (databaseId, dataSourceId);
    }

    /// <summary>An empty database whose schema lists its columns Notes, Estimate, then the title, Item.</summary>
    private async Task<(string DatabaseId, string DataSourceId)> TitleLastDatabaseAsync(string title)
    {
        var databaseId = Guid.NewGuid().ToString();
        var dataSourceId = Guid.NewGuid().ToString();
        var properties = new JsonObject
        {
            ["Notes"] = new JsonObject { ["type"] = "rich_text" },
            ["Estimate"] = new JsonObject { ["type"] = "number" },
            ["Item"] = new JsonObject { ["type"] = "title" },
        };
        await Emulator.AdminPostAsync("databases", new JsonObject
        {
            ["id"] = databaseId,
            ["title"] = title,
            ["parent"] = TeamHomeId,
            ["dataSources"] = new JsonArray(new JsonObject { ["id"] = dataSourceId, ["name"] = title, ["properties"] = properties }),
        });
        return (databaseId, dataSourceId);
    }

    /// <summary>The relation names its target's database too, as Notion's answers do (2022-06-28 knows only that one).</summary>
    private static JsonObject ExtraColumns((string DatabaseId, string DataSourceId) parents) => new()
    {
        ["Parent"] = new JsonObject { ["type"] = "relation", ["data_source_id"] = parents.DataSourceId, ["database_id"] = parents.DatabaseId },
        ["Tags"] = new JsonObject { ["type"] = "multi_select", ["options"] = new JsonArray(RowCells.Tags.Select(tag => (JsonNode)new JsonObject { ["name"] = tag }).ToArray()) },
        ["Files"] = new JsonObject { ["type"] = "files" },
    };
}
