using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.IO;
using System.Linq;
using System.Text.Json;
using NotionPS.Errors;
using NotionPS.Client;
using NotionPS.Operations;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>The pieces of an export file, without Notion: CSV records both ways, cell text, backup cells, new columns, the atomic file.</summary>
public sealed class ExportFilesTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "NotionPS.Tests", "files-" + Guid.NewGuid().ToString("N"))).FullName;

    private static readonly BackupColumn FilesColumn = new("Attachments", "f", "files", JsonDocument.Parse("{}").RootElement);

    private static readonly DataSourceSchema FilesSchema = DataSourceSchema.From(JsonDocument.Parse(
        """{"object":"data_source","id":"ds1","name":"Inbox","parent":{"type":"database_id","database_id":"db1"},"properties":{"Attachments":{"id":"f","type":"files","files":{}}}}""").RootElement.Clone());

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    /// <summary>The files cell of a backup row's members, as the import writes it.</summary>
    private static List<object> Files(IReadOnlyList<KeyValuePair<string, object?>> members) =>
        Assert.IsType<List<object>>(Assert.Single(members, member => member.Key == "Attachments").Value);

    [Fact]
    public void ACsvRecordIsReadBackAsWritten()
    {
        string[] fields = ["plain", "with \"quotes\"", "two\r\nlines", "comma, inside", string.Empty, "naïve ✓"];
        var writer = new StringWriter();

        CsvFile.WriteRecord(writer, fields);
        CsvFile.WriteRecord(writer, ["second"]);
        var reader = new StringReader(writer.ToString());

        Assert.StartsWith("\"plain\",\"with \"\"quotes\"\"\",", writer.ToString());
        Assert.Equal(fields, CsvFile.ReadRecord(reader));
        Assert.Equal(["second"], CsvFile.ReadRecord(reader));
        Assert.Null(CsvFile.ReadRecord(reader));
    }

    [Fact]
    public void UnquotedFieldsAndAnUnclosedQuoteAreReadAsImportCsvReadsThem()
    {
        Assert.Equal(["a", "b", ""], CsvFile.ReadRecord(new StringReader("a,b,\nnext")));
        Assert.Throws<InvalidDataException>(() => CsvFile.ReadRecord(new StringReader("\"never closed")));
    }

    [Theory]
    [InlineData(2.5, "2.5")]
    [InlineData(-3.0, "-3")]
    [InlineData(1.234, "1.2340")]
    [InlineData(-999.125, "-999.1250")]
    [InlineData(1234.567, "1234.567")]
    [InlineData(0.125, "0.125")]
    [InlineData(1e21, "1E+21")]
    public void NumbersAreWrittenAsTextEveryCultureReadsTheSame(double number, string text)
    {
        Assert.Equal(text, CsvCells.Text(number));
        Assert.Equal(number, NotionPS.Rows.CultureFreeText.Number(text, "cell"));
    }

    [Fact]
    public void CellsOtherThanNumbersAreWrittenAsTheirTextForm()
    {
        Assert.Equal("True", CsvCells.Text(true));
        Assert.Equal(string.Empty, CsvCells.Text(null));
        Assert.Equal("2026-03-01T09:30:00.000Z", CsvCells.Text(new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc)));
        Assert.Equal("a; semi\\; colon", CsvCells.Text(new MultiValue(["a", "semi; colon"])));
        Assert.Equal("1; x", CsvCells.Text(new object[] { 1.0, "x" }));
    }

    [Fact]
    public void BackupCellsBecomeTheValuesARowIsWrittenFrom()
    {

        var range = Assert.IsType<OrderedDictionary>(BackupCells.ToInput("date", Json("""{"start":"2026-03-02","end":"2026-03-05","time_zone":"Europe/Berlin"}""")));
        Assert.Equal(("2026-03-02", "2026-03-05", "Europe/Berlin"), ((string?)range["Start"], (string?)range["End"], (string?)range["TimeZone"]));
        Assert.Null(BackupCells.ToInput("date", Json("""{"start":null,"end":null,"time_zone":null}""")));
        Assert.Equal(["id-1", "b@acme.example"], Assert.IsType<List<object>>(BackupCells.ToInput("people", Json("""[{"id":"id-1","email":"a@acme.example"},{"id":null,"email":"b@acme.example"}]"""))));
        Assert.Equal(["https://example.com/a.pdf"], Assert.IsType<List<object>>(BackupCells.ToInput("files", Json("""[{"name":"a.pdf","url":"https://example.com/a.pdf"}]"""))));
        Assert.Equal(["a", "b"], Assert.IsType<List<object>>(BackupCells.ToInput("multi_select", Json("""["a","b"]"""))));
        Assert.Equal(2.5, BackupCells.ToInput("number", Json("2.5")));
        Assert.Equal(true, BackupCells.ToInput("checkbox", Json("true")));
        Assert.Null(BackupCells.ToInput("rich_text", Json("null")));
    }

    [Fact]
    public void ASavedFileIsUploadedFromItsRelativeOrFullPathWhenItIsThereAndItsUrlTakenOtherwise()
    {
        var backupFolder = Directory.CreateDirectory(Path.Combine(folder, "backups")).FullName;
        var saved = Path.Combine(Directory.CreateDirectory(Path.Combine(backupFolder, "files", "Row 1a2b3c4d")).FullName, "a b.pdf");
        File.WriteAllText(saved, "pdf");
        var elsewhere = Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName, "c.pdf");
        File.WriteAllText(elsewhere, "pdf");
        var rooted = JsonSerializer.Serialize(elsewhere.Replace('\\', '/'));
        var row = Json($$$"""{"cells":{"Attachments":[{"name":"a.pdf","url":"https://example.com/a.pdf","path":"files/Row 1a2b3c4d/a b.pdf"},{"name":"b.pdf","url":"https://example.com/b.pdf","path":"files/gone.pdf"},{"name":"c.pdf","url":"https://example.com/c.pdf","path":{{{rooted}}}}]}}""");
        var refused = new List<(string Column, string ErrorId)>();

        var underRoot = Files(new ImportPlan([FilesColumn], FilesSchema, backupFolder, new LocalFileRoot(folder)).Members(row, refusal => refused.Add((refusal.Column, refusal.Reason.ErrorId))));
        var withoutRoot = Files(new ImportPlan([FilesColumn], FilesSchema, backupFolder).Members(row, refusal => refused.Add((refusal.Column, refusal.Reason.ErrorId))));

        Assert.Equal(saved, Assert.IsType<FileInfo>(underRoot[0]).FullName);
        Assert.Equal("https://example.com/b.pdf", underRoot[1]);
        Assert.Equal(elsewhere, Assert.IsType<FileInfo>(underRoot[2]).FullName);
        Assert.Equal(saved, Assert.IsType<FileInfo>(withoutRoot[0]).FullName);
        Assert.Equal("https://example.com/c.pdf", withoutRoot[2]); // a full path is taken only under -LocalFileRoot
        Assert.Equal([("Attachments", NotionErrorIds.NotionFileNotFound), ("Attachments", NotionErrorIds.NotionFileNotFound), ("Attachments", NotionErrorIds.NotionLocalFileOutsideRoot)], refused);
        Assert.Equal("https://example.com/a.pdf", Files(new ImportPlan([FilesColumn], FilesSchema).Members(row))[0]);
    }

    /// <summary>
    /// A saved file that is not uploaded is told with where its copy is and the URL written instead (its user info masked),
    /// which for a file Notion hosted was signed for about an hour; a copy that is not there is told too, without a copy.
    /// </summary>
    [Fact]
    public void ARefusedOrMissingSavedFileIsToldWithItsCopyAndTheUrlThatHasProbablyExpired()
    {
        var backupFolder = Directory.CreateDirectory(Path.Combine(folder, "backups")).FullName;
        var zip = Path.Combine(Directory.CreateDirectory(Path.Combine(backupFolder, "files")).FullName, "data.zip");
        File.WriteAllText(zip, "zip");
        var row = Json("""{"cells":{"Attachments":[{"name":"data.zip","url":"https://user:hunter2@files.example/data.zip?X-Amz-Expires=3600","path":"files/data.zip"},{"name":"gone.pdf","url":"https://files.example/gone.pdf","path":"files/gone.pdf"},{"name":"lost.pdf","url":null,"path":"files/lost.pdf"}]}}""");
        var refused = new List<SavedFileRefusal>();

        var values = Files(new ImportPlan([FilesColumn], FilesSchema, backupFolder).Members(row, refused.Add));

        Assert.Equal(["https://user:hunter2@files.example/data.zip?X-Amz-Expires=3600", "https://files.example/gone.pdf"], values);
        Assert.Equal(3, refused.Count);
        Assert.Equal(
            $"the saved file is not read. {refused[0].Reason.Message} The file's URL is written instead (https://***@files.example/data.zip?X-Amz-Expires=3600); if Notion hosted the file, that link lasted about an hour and has probably expired: the saved copy is '{zip}'.",
            refused[0].Message);
        Assert.Equal(
            $"the saved file is not read. No file '{Path.Combine(backupFolder, "files", "gone.pdf")}'. The file's URL is written instead (https://files.example/gone.pdf); if Notion hosted the file, that link lasted about an hour and has probably expired.",
            refused[1].Message);
        Assert.Equal(
            $"the saved file is not read. No file '{Path.Combine(backupFolder, "files", "lost.pdf")}'. The backup holds no URL for the file either, so the cell is written without it.",
            refused[2].Message);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("files/../../secret.txt")]
    [InlineData("FULL")]
    [InlineData("link/secret.txt")]
    [InlineData("//attacker.example/share/secret.txt")]
    public void ASavedPathOutOfTheBackupsFolderIsNotReadAndItsUrlIsTakenWithTheReason(string recorded)
    {
        var backupFolder = Directory.CreateDirectory(Path.Combine(folder, "backups")).FullName;
        var secret = Path.Combine(folder, "secret.txt");
        File.WriteAllText(secret, "secret");
        Directory.CreateSymbolicLink(Path.Combine(backupFolder, "link"), folder);
        var path = recorded == "FULL" ? secret.Replace('\\', '/') : recorded;
        var row = Json($$$"""{"cells":{"Attachments":[{"name":"secret.txt","url":"https://example.com/secret.txt","path":{{{JsonSerializer.Serialize(path)}}}}]}}""");
        var refused = new List<(string Column, string ErrorId)>();

        var values = Files(new ImportPlan([FilesColumn], FilesSchema, backupFolder).Members(row, refusal => refused.Add((refusal.Column, refusal.Reason.ErrorId))));

        Assert.Equal("https://example.com/secret.txt", Assert.Single(values));
        Assert.Equal([("Attachments", NotionErrorIds.NotionLocalFileOutsideRoot)], refused);
    }

    [Fact]
    public void ASavedPathIsRelativeToTheBackupsFolderWithSlashesAndDotsWhereItIsOutside()
    {
        var backupFolder = Path.Combine(folder, "backups");
        var inside = Path.Combine(backupFolder, "files", "Row 1a2b3c4d", "a.pdf");
        var beside = Path.Combine(folder, "files", "Row 1a2b3c4d", "a.pdf");

        Assert.Equal("files/Row 1a2b3c4d/a.pdf", SavedFilePaths.Recorded(backupFolder, inside));
        Assert.Equal("../files/Row 1a2b3c4d/a.pdf", SavedFilePaths.Recorded(backupFolder, beside));
        Directory.CreateDirectory(Path.GetDirectoryName(beside)!);
        File.WriteAllText(beside, "a");
        Assert.Equal(beside, SavedFilePaths.Resolve(backupFolder, new LocalFileRoot(folder), SavedFilePaths.Recorded(backupFolder, beside)));
    }

    [Theory]
    [InlineData(@"C:\Backups", @"C:\Backups\files\Row 1a2b3c4d\a.pdf", "files/Row 1a2b3c4d/a.pdf")]
    [InlineData(@"C:\Backups", @"c:\files\a.pdf", "../files/a.pdf")]
    [InlineData(@"C:\", @"C:\files\a.pdf", "files/a.pdf")]
    [InlineData(@"\\server\share\backups", @"\\SERVER\share\files\a.pdf", "../files/a.pdf")]
    [InlineData(@"C:\Backups", @"D:\files\a.pdf", @"D:\files\a.pdf")]
    [InlineData(@"C:\Backups", @"\\server\share\files\a.pdf", @"\\server\share\files\a.pdf")]
    [InlineData(@"\\server\share\backups", @"\\server\other\a.pdf", @"\\server\other\a.pdf")]
    [InlineData(@"\\?\C:\Backups", @"C:\files\a.pdf", @"C:\files\a.pdf")]
    public void AFileOnAnotherWindowsDriveOrShareThanTheBackupIsRecordedByItsFullPath(string backupFolder, string path, string recorded)
    {
        Assert.Equal(recorded, SavedFilePaths.Recorded(backupFolder, path, windows: true));
    }

    [Theory]
    [InlineData("/home/me/backups", "/home/me/backups/files/a.pdf", "files/a.pdf")]
    [InlineData("/home/me/backups", "/mnt/usb/files/a.pdf", "../../../mnt/usb/files/a.pdf")]
    [InlineData("/home/me/backups", "/home/me/Backups/a\\b.pdf", "../Backups/a\\b.pdf")]
    public void OnUnixEveryFileHasAPathRelativeToTheBackupAndABackslashIsPartOfAName(string backupFolder, string path, string recorded)
    {
        Assert.Equal(recorded, SavedFilePaths.Recorded(backupFolder, path, windows: false));
    }

    /// <summary>On macOS, as on Windows, ~/Backups and ~/backups are one folder: the saved path stays inside the backup's folder.</summary>
    [Fact]
    public void WhereTheSystemIgnoresCaseASavedPathThroughAnotherSpellingOfTheBackupsFolderStaysInside()
    {
        Assert.Equal("files/a.pdf", SavedFilePaths.Recorded("/Users/me/Backups", "/Users/me/backups/files/a.pdf", windows: false, ignoreCase: true));
        Assert.Equal("../backups/files/a.pdf", SavedFilePaths.Recorded("/Users/me/Backups", "/Users/me/backups/files/a.pdf", windows: false, ignoreCase: false));
    }

    [Fact]
    public void FileNamesAreComparedIgnoringCaseOnWindowsAndMacOSOnly() =>
        Assert.Equal(OperatingSystem.IsWindows() || OperatingSystem.IsMacOS(), FileSystemCase.IgnoresCase);

    /// <summary>A destination's folder that -IncludeFiles makes is found in another spelling where the system ignores case (C:\Out is c:\out).</summary>
    [Fact]
    public void ADestinationInAFolderTheFilesFolderMakesIsFoundInAnotherCase()
    {
        var destination = Path.Combine(folder, "Out", "rows.json");
        var created = Path.Combine(folder, "out", "files");

        AtomicFile.RefuseMissingFolder(destination, created, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(NotionErrorIds.NotionExportFileFailed, Assert.Throws<ExportException>(() => AtomicFile.RefuseMissingFolder(destination, created, StringComparison.Ordinal)).ErrorId);
        Assert.False(Directory.Exists(Path.Combine(folder, "Out")));
    }

    /// <summary>
    /// A files folder that is the export file, lies inside it or under a file is refused before anything is made; one beside
    /// the export file, or holding it, is not. Paths are compared as the file system compares names.
    /// </summary>
    [Fact]
    public void AFilesFolderThatClashesWithTheExportFileIsRefused()
    {
        var export = Path.Combine(folder, "rows.json");
        var note = Path.Combine(folder, "note.txt");
        File.WriteAllText(note, "a file");

        Assert.Equal("is the export file itself", ExportFileDownloads.Clash(export, export, StringComparison.Ordinal));
        Assert.Equal("is the export file itself", ExportFileDownloads.Clash(export, Path.Combine(folder, "ROWS.json"), StringComparison.OrdinalIgnoreCase));
        Assert.Null(ExportFileDownloads.Clash(export, Path.Combine(folder, "ROWS.json"), StringComparison.Ordinal));
        Assert.Equal("is inside the export file", ExportFileDownloads.Clash(export, Path.Combine(export, "files"), StringComparison.Ordinal));
        Assert.Equal("is a file", ExportFileDownloads.Clash(export, note, StringComparison.Ordinal));
        Assert.Equal($"is under '{note}', which is a file", ExportFileDownloads.Clash(export, Path.Combine(note, "files", "deeper"), StringComparison.Ordinal));
        Assert.Null(ExportFileDownloads.Clash(export, Path.Combine(folder, "files"), StringComparison.Ordinal));
        Assert.Null(ExportFileDownloads.Clash(export, folder, StringComparison.Ordinal));
        Assert.Null(ExportFileDownloads.Clash(export, Path.Combine(folder, "rows"), StringComparison.Ordinal));
    }

    [Fact]
    public void ARecordedFullPathIsReadAsItIsUnderTheRoot()
    {
        var elsewhere = Path.Combine(folder, "elsewhere", "a.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, "a");
        var root = new LocalFileRoot(Path.Combine(folder, "elsewhere"));

        Assert.Equal(elsewhere, SavedFilePaths.Resolve(Path.Combine(folder, "backups"), root, elsewhere));
        Assert.Null(SavedFilePaths.Resolve(Path.Combine(folder, "backups"), root, Path.Combine(folder, "elsewhere", "b.pdf")));
        Assert.Equal(NotionErrorIds.NotionLocalFileOutsideRoot, Assert.Throws<NotionFileException>(() => SavedFilePaths.Resolve(Path.Combine(folder, "backups"), new LocalFileRoot(Path.Combine(folder, "backups")), elsewhere)).ErrorId);
    }

    [Fact]
    public void ANewColumnLeavesOutWhatBelongsToTheDatabaseItCameFrom()
    {
        static BackupColumn Column(string type, string definition) => new("C", "x", type, JsonDocument.Parse(definition).RootElement);

        var select = ImportPlan.NewColumn(Column("select", """{"id":"x","name":"C","type":"select","select":{"options":[{"id":"o1","name":"High","color":"red","description":null}]}}"""));
        var relation = ImportPlan.NewColumn(Column("relation", """{"type":"relation","relation":{"database_id":"d","data_source_id":"s","type":"dual_property","dual_property":{"synced_property_id":"p","synced_property_name":"Back"}}}"""));
        var rollup = ImportPlan.NewColumn(Column("rollup", """{"type":"rollup","rollup":{"relation_property_name":"R","relation_property_id":"r","rollup_property_name":"N","rollup_property_id":"n","function":"sum"}}"""));
        var people = ImportPlan.NewColumn(Column("people", """{"type":"people","people":{}}"""));

        Assert.Equal("""{"select":{"options":[{"name":"High","color":"red"}]}}""", select.ToJsonString());
        Assert.Equal("""{"relation":{"type":"dual_property","dual_property":{},"data_source_id":"s"}}""", relation.ToJsonString());
        Assert.Equal("""{"rollup":{"relation_property_name":"R","rollup_property_name":"N","function":"sum"}}""", rollup.ToJsonString());
        Assert.Equal("""{"people":{}}""", people.ToJsonString());
    }

    [Fact]
    public void AnAtomicFileReplacesTheDestinationOnlyOnCommit()
    {
        var path = Path.Combine(folder, "rows.csv");
        File.WriteAllText(path, "old");

        using (var abandoned = new AtomicFile(path, noClobber: false, force: false))
        {
            abandoned.Stream.Write([1, 2, 3]);
        }

        var contentAfterAbandon = File.ReadAllText(path);
        using (var committed = new AtomicFile(path, noClobber: false, force: false))
        {
            committed.Stream.Write("new"u8);
            Assert.Equal("old", File.ReadAllText(path));
            committed.Commit();
        }

        var exists = Assert.Throws<ExportException>(() => new AtomicFile(path, noClobber: true, force: false));
        Assert.Equal("old", contentAfterAbandon);
        Assert.Equal("new", File.ReadAllText(path));
        Assert.Equal(["rows.csv"], Directory.GetFiles(folder).Select(Path.GetFileName));
        Assert.Equal(NotionErrorIds.NotionExportFileExists, exists.ErrorId);
    }

    [Fact]
    public void AReadOnlyFileIsReplacedOnlyWithForce()
    {
        var path = Path.Combine(folder, "locked.json");
        File.WriteAllText(path, "old");
        new FileInfo(path).IsReadOnly = true;

        var refused = Assert.Throws<ExportException>(() => new AtomicFile(path, noClobber: false, force: false));
        using (var forced = new AtomicFile(path, noClobber: false, force: true))
        {
            forced.Stream.Write("new"u8);
            forced.Commit();
        }

        Assert.Equal(NotionErrorIds.NotionExportFileFailed, refused.ErrorId);
        Assert.Equal("new", File.ReadAllText(path));
    }
}
