using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Files cells and backups naming local files (audit2 findings 2 and 3): text names a local file only under
/// -LocalFileRoot, a row read from Notion never does, and a backup's saved file is read only from under its folder
/// (or -LocalFileRoot); every refusal uploads nothing and leaves the other rows to go on.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class FilesLocalRootTests : LocalSecretTestBase
{
    private const string Version = "2026-03-11";

    private readonly string receipts;

    public FilesLocalRootTests(EmulatorFixture emulator)
        : base(emulator, "notionps-e2e-files-root-")
    {
        receipts = Directory.CreateDirectory(Path.Combine(Folder, "receipts")).FullName;
        File.WriteAllBytes(Path.Combine(receipts, "taxi.txt"), [1, 2, 3]);
    }

    [Fact]
    public async Task ARowCopiedFromNotionNeverUploadsTheLocalFileItsUrlNamesEvenUnderTheWholeDisk()
    {
        var (source, sourceDataSource) = await NewFilesDatabaseAsync("Their inbox");
        var (target, targetDataSource) = await NewFilesDatabaseAsync("My inbox");
        var climbing = string.Concat(Enumerable.Repeat("../", 12)) + Secret.TrimStart('/');

        // Another user's row, stored straight in the emulator: external "URLs" that are paths (Notion itself refuses them).
        await SeedRowsAsync(sourceDataSource, [new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["Name"] = "invoice",
                ["Attachments"] = new JsonArray(External("invoice.json", Secret), External("notes.json", climbing)),
            },
        }]);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run(
            """
            Get-NotionDatabaseRow -DatabaseId $source | Add-NotionDatabaseRow -DatabaseId $target | Out-Null
            Get-NotionDatabaseRow -DatabaseId $source | Add-NotionDatabaseRow -DatabaseId $target -LocalFileRoot / | Out-Null
            """,
            Vars(("source", source), ("target", target)));

        Assert.Equal(uploads, await UploadCountAsync(Version));
        var copies = await CellsAsync(targetDataSource);

        // Kept as the links they were, or refused by Notion as links; never read from disk.
        Assert.All(result.Errors, error => Assert.StartsWith("NotionValidationError,", error.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.Equal(2, copies.Length + result.Errors.Count);
        Assert.All(copies, files => Assert.Equal(new (string, string?)[] { ("external", Secret), ("external", climbing) }, files));
    }

    [Fact]
    public async Task TextNamesALocalFileOnlyUnderLocalFileRootAndAFileInfoNeedsNone()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Expenses");
        Directory.CreateSymbolicLink(Path.Combine(receipts, "linked"), Path.GetDirectoryName(Secret)!);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var refused = Session.Run(
            """
            @{ Name = 'No root'; Attachments = 'taxi.txt' },
                @{ Name = 'Absolute, no root'; Attachments = $secret },
                @{ Name = 'Given as a file'; Attachments = (Get-Item -LiteralPath $taxi) },
                @{ Name = 'Linked'; Attachments = 'https://example.com/receipts/hotel.pdf' } |
                Add-NotionDatabaseRow -DatabaseId $db | Out-Null
            @{ Name = 'Climbs out'; Attachments = '../home/.docker/config.json' },
                @{ Name = 'Absolute elsewhere'; Attachments = $secret },
                @{ Name = 'Through a link'; Attachments = 'linked/config.json' },
                @{ Name = 'Under the root'; Attachments = 'taxi.txt' } |
                Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts | Out-Null
            """,
            Vars(("db", databaseId), ("secret", Secret), ("taxi", Path.Combine(receipts, "taxi.txt")), ("receipts", receipts)));

        Assert.Equal(
            new[] { "NotionLocalFileNotAllowed", "NotionLocalFileNotAllowed", "NotionLocalFileOutsideRoot", "NotionLocalFileOutsideRoot", "NotionLocalFileOutsideRoot" },
            refused.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("Column 'Attachments': 'taxi.txt' is not an http(s) URL", refused.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("-LocalFileRoot", refused.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "Given as a file", "Linked", "Under the root" }, (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Order());
        Assert.Equal(uploads + 2, await UploadCountAsync(Version));
    }

    /// <summary>
    /// A folder from elsewhere (a checkout, an archive) listed with Get-ChildItem: a file object that is a symbolic link
    /// can point at the user's secrets, so it is not sent, in a files cell or by Send-NotionFile (review2 F1).
    /// </summary>
    [Fact]
    public async Task AFileObjectThatIsASymbolicLinkIsNotSentAndTheOtherFilesAre()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Checkout");
        File.CreateSymbolicLink(Path.Combine(receipts, "settings.json"), Secret);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run(
            """
            Get-ChildItem -LiteralPath $receipts -File | Sort-Object Name | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Attachments = $_ } } |
                Add-NotionDatabaseRow -DatabaseId $db | Out-Null
            Get-ChildItem -LiteralPath $receipts -File | Sort-Object Name | Send-NotionFile | ForEach-Object Name
            """,
            Vars(("db", databaseId), ("receipts", receipts)));

        Assert.Equal(
            new[] { "NotionFileNotRegular,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", "NotionFileNotRegular,NotionPS.Cmdlets.SendNotionFileCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors, error => Assert.Contains("settings.json' is a symbolic link or junction, which can point anywhere", error.ToString(), StringComparison.Ordinal));
        Assert.Equal(new[] { "taxi.txt" }, (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Order());
        Assert.Equal(new object[] { "taxi.txt" }, result.Output.Select(item => item.BaseObject));
        Assert.Equal(uploads + 2, await UploadCountAsync(Version));
    }

    [Fact]
    public async Task SetAndACsvImportTakeTextAsALocalFileOnlyUnderLocalFileRoot()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Expenses from CSV");
        var csv = Path.Combine(Folder, "expenses.csv");
        File.WriteAllText(csv, "\"Name\",\"Attachments\"\n\"Taxi\",\"taxi.txt\"\n\"Secret\",\"../home/.docker/config.json\"\n\"Hotel\",\"https://example.com/hotel.pdf\"\n");
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var withoutRoot = Session.Run("Import-NotionDatabase -Path $csv -DatabaseId $db", Vars(("csv", csv), ("db", databaseId)));
        var afterRefusals = await UploadCountAsync(Version);
        var withRoot = Session.Run("Import-NotionDatabase -Path $csv -DatabaseId $db -LocalFileRoot $receipts", Vars(("csv", csv), ("db", databaseId), ("receipts", receipts)));
        var set = Session.Run(
            """
            $row = Get-NotionDatabaseRow -DatabaseId $db -Where @{ Name = 'Hotel' } | Select-Object -First 1
            $row | Set-NotionDatabaseRow -Property @{ Attachments = 'taxi.txt' }
            $row | Set-NotionDatabaseRow -Property @{ Attachments = 'taxi.txt' } -LocalFileRoot $receipts -PassThru
            """,
            Vars(("db", databaseId), ("receipts", receipts)));

        Assert.Equal(new[] { "NotionLocalFileNotAllowed", "NotionLocalFileNotAllowed" }, withoutRoot.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));

        // A CSV file holds text, so the remedy is the folder or URLs, not a file object it cannot hold (review2 F7).
        Assert.All(withoutRoot.Errors, error => Assert.EndsWith("Add -LocalFileRoot <folder> to upload the files under that folder (a relative path is then taken from it), or put http(s) URLs in the column.", error.Exception.Message, StringComparison.Ordinal));
        Assert.Contains("Pass the file itself (Get-Item <path>)", Assert.Single(set.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Equal(uploads, afterRefusals);
        Assert.Equal("NotionLocalFileOutsideRoot,NotionPS.Cmdlets.ImportNotionDatabaseCommand", Assert.Single(withRoot.Errors).FullyQualifiedErrorId);
        Assert.Equal("NotionLocalFileNotAllowed,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", Assert.Single(set.Errors).FullyQualifiedErrorId);
        Assert.Equal(new[] { "Hotel", "Hotel", "Taxi" }, (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Order());
        var changed = await ApiGetAsync($"v1/pages/{Assert.Single(set.Output).Properties["PageId"].Value}", Version);
        var file = Assert.Single(changed["properties"]!["Attachments"]!["files"]!.AsArray())!;
        Assert.Equal(SHA256.HashData([1, 2, 3]), SHA256.HashData(await Emulator.Admin.GetByteArrayAsync((string)file["file"]!["url"]!)));
        Assert.Equal(uploads + 2, await UploadCountAsync(Version));
    }

    /// <summary>
    /// Sync-NotionDatabaseRow and New-NotionPage -Property upload nothing: a files cell's text that is no http(s) URL is
    /// refused for its row before any request, saying where files can be added, not sent for Notion to refuse (review2 F8).
    /// </summary>
    [Fact]
    public async Task SyncAndNewPagePropertyRefuseAPathInAFilesCellBeforeAnyRequest()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Synced expenses");
        Connect(Version);

        var result = Session.Run(
            """
            @{ Name = 'Taxi'; Attachments = 'taxi.txt' }, @{ Name = 'Hotel'; Attachments = 'https://example.com/hotel.pdf' } |
                Sync-NotionDatabaseRow -DatabaseId $db -Key Name
            New-NotionPage -ParentId $db -Title 'Train' -Property @{ Attachments = 'train.txt' }
            """,
            Vars(("db", databaseId)));

        Assert.Equal(
            new[] { "NotionLocalFileNotAllowed,NotionPS.Cmdlets.SyncNotionDatabaseRowCommand", "NotionLocalFileNotAllowed,NotionPS.Cmdlets.NewNotionPageCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors, error => Assert.Contains("is not an http(s) URL, and this command does not upload files", error.Exception.Message, StringComparison.Ordinal));
        Assert.All(result.Errors, error => Assert.Contains("Set-NotionDatabaseRow -LocalFileRoot", error.Exception.Message, StringComparison.Ordinal));
        Assert.Contains("Column 'Attachments': 'taxi.txt'", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "Hotel" }, await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>
    /// -WhatIf checks the files a row would upload, as the real run does, and names each upload with its size and
    /// column, for a single row and for a CSV import (review2 F6).
    /// </summary>
    [Fact]
    public async Task WhatIfChecksAndListsTheFilesARowWouldUpload()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Dry expenses");
        var csv = Path.Combine(Folder, "dry.csv");
        File.WriteAllText(csv, "\"Name\",\"Attachments\"\n\"Taxi\",\"taxi.txt\"\n\"Gone\",\"missing.txt\"\n");
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(Version, console);
        var uploads = await UploadCountAsync(Version);

        var result = console.Run(
            """
            @{ Name = 'Taxi'; Attachments = 'taxi.txt' }, @{ Name = 'Gone'; Attachments = 'missing.txt' } |
                Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -WhatIf
            Import-NotionDatabase -Path $csv -DatabaseId $db -LocalFileRoot $receipts -WhatIf
            """,
            Vars(("db", databaseId), ("receipts", receipts), ("csv", csv)));

        var taxi = $"What if: Upload the local file '{Path.Combine(receipts, "taxi.txt")}' (3 bytes, column 'Attachments') to Notion.";
        Assert.Equal(
            new[] { "NotionFileNotFound,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", "NotionFileNotFound,NotionPS.Cmdlets.ImportNotionDatabaseCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal(
            new[] { taxi, "What if: Performing the operation \"Add row\" on target \"Row 1 (\"Taxi\") of \"Dry expenses\"\".", taxi },
            host.WhatIfLines.Take(3));
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>Set-NotionDatabaseRow -WhatIf checks and lists the uploads too, a file object's as well as a path's (review2 F6).</summary>
    [Fact]
    public async Task SetWhatIfChecksAndListsTheFilesAChangeWouldUpload()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Dry changes");
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(Version, console);
        var row = (string)Assert.Single(console.Run("Add-NotionDatabaseRow -DatabaseId $db -InputObject @{ Name = 'Hotel' }", Vars(("db", databaseId))).Output).Properties["PageId"].Value;
        var uploads = await UploadCountAsync(Version);

        var result = console.Run(
            """
            Set-NotionDatabaseRow -PageId $row -Property @{ Attachments = 'taxi.txt' } -LocalFileRoot $receipts -WhatIf
            Set-NotionDatabaseRow -PageId $row -Property @{ Attachments = 'missing.txt' } -LocalFileRoot $receipts -WhatIf
            Set-NotionDatabaseRow -PageId $row -Property @{ Attachments = @(Get-Item -LiteralPath $taxi) } -WhatIf
            """,
            Vars(("row", row), ("receipts", receipts), ("taxi", Path.Combine(receipts, "taxi.txt"))));

        var taxi = $"What if: Upload the local file '{Path.Combine(receipts, "taxi.txt")}' (3 bytes, column 'Attachments') to Notion.";
        var change = $"What if: Performing the operation \"Change Attachments\" on target \"{row}\".";
        Assert.Equal("NotionFileNotFound,NotionPS.Cmdlets.SetNotionDatabaseRowCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Equal(new[] { taxi, change, taxi, change }, host.WhatIfLines);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.Empty((await CellsAsync(dataSourceId)).Single());
    }

    /// <summary>A root of the whole disk or the home folder warns, once per command, and still works (review2 F4).</summary>
    [Fact]
    public async Task AWideLocalFileRootWarnsOncePerCommand()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Wide roots");
        Connect(Version);

        var result = Session.Run(
            """
            @{ Name = 'One'; Attachments = 'https://example.com/a.pdf' }, @{ Name = 'Two'; Attachments = 'https://example.com/b.pdf' } |
                Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot / -WhatIf
            New-NotionPage -ParentId $db -Title 'Home' -LocalFileRoot ~ -WhatIf
            Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -InputObject @{ Name = 'Own'; Attachments = 'taxi.txt' } -WhatIf
            """,
            Vars(("db", databaseId), ("receipts", receipts)));

        Assert.Empty(result.Errors);
        Assert.Equal(
            new[] { Path.GetPathRoot(receipts), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) }.Select(folder =>
                $"-LocalFileRoot '{folder}' is a drive or file-system root or your home folder: any file under it may be uploaded if the input names it. Give a folder kept for the files to upload (such as ./attachments)."),
            result.Warnings.Select(warning => warning.Message));
    }

    [Theory]
    [InlineData("../home/.docker/config.json", "is outside the folder")]
    [InlineData("files/../../home/.docker/config.json", "is outside the folder")]
    [InlineData("ABSOLUTE", "is outside the folder")]
    [InlineData("linked/config.json", "a symbolic link or junction")]
    public async Task ABackupsSavedPathOutOfItsFolderIsNotReadAndTheCellTakesTheUrlWithAWarning(string recorded, string reason)
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Restored");
        var backups = Directory.CreateDirectory(Path.Combine(Folder, "backups")).FullName;
        Directory.CreateSymbolicLink(Path.Combine(backups, "linked"), Path.GetDirectoryName(Secret)!);
        var backup = WriteBackup(backups, recorded == "ABSOLUTE" ? Secret : recorded);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $db", Vars(("backup", backup), ("db", databaseId)));

        Assert.Empty(result.Errors);
        var warning = Assert.Single(result.Warnings).Message;
        Assert.StartsWith("Row 1, column 'Attachments': the saved file is not read. ", warning, StringComparison.Ordinal);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.Equal(new (string, string?)[] { ("external", "https://files.example/expired/report.json") }, Assert.Single(await CellsAsync(dataSourceId)));
    }

    /// <summary>
    /// A saved file the API cannot take (a .zip, which Notion's own app lets anyone attach; an empty file) is not uploaded:
    /// its cell takes the file's URL with a warning and the row is restored. Before, the row failed with NotionFileNameRefused
    /// or NotionFileEmpty, so a backup made with -IncludeFiles could not be restored where the one made without it could.
    /// </summary>
    [Theory]
    [InlineData("data.zip", 10, "has the extension .zip, which Notion does not take")]
    [InlineData("empty.txt", 0, "is empty (0 bytes)")]
    public async Task ABackupsSavedFileTheApiCannotTakeIsNotUploadedAndTheCellTakesTheUrlWithAWarning(string name, int length, string reason)
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Restored " + name);
        var backups = Directory.CreateDirectory(Path.Combine(Folder, "backups")).FullName;
        File.WriteAllBytes(Path.Combine(Directory.CreateDirectory(Path.Combine(backups, "files")).FullName, name), new byte[length]);
        var backup = WriteBackup(backups, "files/" + name);
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $db -PassThru", Vars(("backup", backup), ("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Single(result.Output);
        var warning = Assert.Single(result.Warnings).Message;
        Assert.StartsWith("Row 1, column 'Attachments': the saved file is not read. ", warning, StringComparison.Ordinal);
        Assert.Contains(reason, warning, StringComparison.Ordinal);
        Assert.EndsWith(
            $"The file's URL is written instead (https://files.example/expired/report.json); if Notion hosted the file, that link lasted about an hour and has probably expired: the saved copy is '{Path.Combine(backups, "files", name)}'.",
            warning,
            StringComparison.Ordinal);
        Assert.Equal(uploads, await UploadCountAsync(Version));
        Assert.Equal(new (string, string?)[] { ("external", "https://files.example/expired/report.json") }, Assert.Single(await CellsAsync(dataSourceId)));
    }

    [Fact]
    public async Task ABackupsSavedFileOutsideItsFolderIsUploadedUnderLocalFileRoot()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Restored with a root");
        var backups = Directory.CreateDirectory(Path.Combine(Folder, "backups")).FullName;
        var backup = WriteBackup(backups, "../receipts/taxi.txt");
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $db -LocalFileRoot $root", Vars(("backup", backup), ("db", databaseId), ("root", Folder)));

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(uploads + 1, await UploadCountAsync(Version));
        Assert.Equal("file", Assert.Single(Assert.Single(await CellsAsync(dataSourceId))).Type);
    }

    /// <summary>
    /// A row's uploads are part of its queued work (issue #19): rows with files upload -ThrottleLimit at a time, as the
    /// proxy in front of the emulator counts (it holds the upload requests until -ThrottleLimit are in flight, or a second
    /// with -ThrottleLimit 1, so the count does not hang on timing): exactly that many, with -ThrottleLimit 1 one at a time; the rows are written and output in input order, each
    /// with its own file, one file used by two rows included.
    /// </summary>
    [Theory]
    [InlineData("Add", 4)]
    [InlineData("Add", 1)]
    [InlineData("Import", 4)]
    public async Task RowsWithFilesUploadSeveralAtOnceWithinTheThrottleLimitAndKeepInputOrder(string command, int throttleLimit)
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Uploads at once");
        var names = new[] { "r1.txt", "r2.txt", "r3.txt", "r4.txt", "r1.txt" };
        foreach (var name in names.Distinct())
        {
            File.WriteAllText(Path.Combine(receipts, name), name);
        }

        var csv = Path.Combine(Folder, "rows.csv");
        File.WriteAllLines(csv, names.Select((name, i) => $"\"Row {i + 1}\",\"{name}\"").Prepend("\"Name\",\"Attachments\""));
        using var proxy = ConnectThroughProxy();
        proxy.WatchInFlight("/v1/file_uploads", Math.Max(2, throttleLimit));

        var result = Session.Run(
            command == "Add"
                ? "Import-Csv -LiteralPath $csv | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -ThrottleLimit $limit | ForEach-Object Name"
                : "Import-NotionDatabase -Path $csv -DatabaseId $db -LocalFileRoot $receipts -ThrottleLimit $limit -PassThru | ForEach-Object Name",
            Vars(("csv", csv), ("db", databaseId), ("receipts", receipts), ("limit", throttleLimit)));

        Assert.Empty(result.Errors);
        Assert.Equal(names.Select((_, i) => $"Row {i + 1}"), result.Output.Select(name => (string)name.BaseObject));
        if (throttleLimit == 1)
        {
            Assert.Equal(1, proxy.MaxInFlight);
        }
        else
        {
            Assert.Equal(throttleLimit, proxy.MaxInFlight);
        }

        var rows = await Emulator.QueryRowsAsync(dataSourceId, string.Empty);
        var attached = rows.ToDictionary(row => (string)row!["properties"]!["Name"]!["title"]![0]!["plain_text"]!, row => row!["properties"]!["Attachments"]!["files"]!.AsArray().Select(file => ((string)file!["type"]!, (string)file["name"]!)).Single());
        Assert.Equal(names.Select((name, i) => ($"Row {i + 1}", ("file", name))), names.Select((_, i) => ($"Row {i + 1}", attached[$"Row {i + 1}"])));
    }

    /// <summary>
    /// With -MatchOn, rows of one key upload their files beside each other but are matched and written in input order:
    /// the first creates the row, the later ones update it (the last one's file stays), a row whose file is missing
    /// fails alone, and a row of another key is written meanwhile; every output of the key is the same page.
    /// </summary>
    [Fact]
    public async Task RowsOfOneKeyWithFilesAreWrittenInInputOrderIntoOneRow()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("MatchOn files");
        foreach (var name in new[] { "k1.txt", "k2.txt", "k3.txt", "o.txt" })
        {
            File.WriteAllText(Path.Combine(receipts, name), name);
        }

        Connect(Version);
        var result = Session.Run(
            "@{ Name = 'K'; Attachments = 'k1.txt' }, @{ Name = 'O'; Attachments = 'o.txt' }, @{ Name = 'K'; Attachments = 'k2.txt' }, @{ Name = 'K'; Attachments = 'missing.txt' }, @{ Name = 'K'; Attachments = 'k3.txt' } | " +
            "Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -MatchOn Name -ThrottleLimit 4 | ForEach-Object { \"$($_.Name) $($_.PageId)\" }",
            Vars(("db", databaseId), ("receipts", receipts)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionFileNotFound,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith("Row 4 ", error.ErrorDetails.Message, StringComparison.Ordinal);
        var written = result.Output.Select(line => ((string)line.BaseObject).Split(' ')).ToList();
        Assert.Equal(new[] { "K", "O", "K", "K" }, written.Select(line => line[0]));
        Assert.Single(written.Where(line => line[0] == "K").Select(line => line[1]).Distinct());
        var rows = await Emulator.QueryRowsAsync(dataSourceId, string.Empty);
        var files = rows.ToDictionary(row => (string)row!["properties"]!["Name"]!["title"]![0]!["plain_text"]!, row => row!["properties"]!["Attachments"]!["files"]!.AsArray().Select(file => (string)file!["name"]!).ToList());
        Assert.Equal(new[] { "K", "O" }, files.Keys.Order());
        Assert.Equal(new[] { "k3.txt" }, files["K"]);
        Assert.Equal(new[] { "o.txt" }, files["O"]);
    }

    /// <summary>
    /// A row whose upload fails (its file is over the workspace's limit, known only when it is sent) fails alone, with
    /// the upload's error, while rows before and after it upload at the same time; nothing of it is added.
    /// </summary>
    [Fact]
    public async Task AFailedUploadFailsOnlyItsRowAndTheOthersAreWrittenInOrder()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("One upload fails");
        foreach (var i in Enumerable.Range(1, 5))
        {
            File.WriteAllText(Path.Combine(receipts, $"r{i}.txt"), new string('x', i == 2 ? 500 : 10));
        }

        await Emulator.RewriteUsersMeAsync("\"max_file_upload_size_in_bytes\":5368709120", "\"max_file_upload_size_in_bytes\":100");
        try
        {
            Connect(Version);
            var uploads = await UploadCountAsync(Version);

            var result = Session.Run(
                "1..5 | ForEach-Object { @{ Name = \"R$_\"; Attachments = \"r$_.txt\" } } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -ThrottleLimit 4 | ForEach-Object Name",
                Vars(("db", databaseId), ("receipts", receipts)));

            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionFileTooLarge,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
            Assert.StartsWith("Row 2 (\"R2\"): ", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Contains("r2.txt' is 500 bytes, more than this workspace's limit of 100 bytes", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.Equal(new object[] { "R1", "R3", "R4", "R5" }, result.Output.Select(name => name.BaseObject));
            Assert.Equal(new[] { "R1", "R3", "R4", "R5" }, (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Order());
            Assert.Equal(uploads + 4, await UploadCountAsync(Version));
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    /// <summary>
    /// An upload the emulator holds does not hold up the rows beside it, which upload and are added meanwhile; stopping
    /// the command (Ctrl+C) cancels the held upload, so the stop ends without waiting for it, and its row is not added.
    /// </summary>
    [Fact]
    public async Task AHeldUploadDoesNotHoldUpTheOtherRowsAndStoppingCancelsIt()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Stop an upload");
        Connect(Version);
        var uploads = await UploadCountAsync(Version);
        await AddFaultAsync(new JsonObject { ["kind"] = "stall", ["stallMs"] = 120_000, ["count"] = 1, ["method"] = "POST", ["path"] = "/v1/file_uploads" });
        try
        {
            using var ps = Session.CreatePowerShell();
            ps.AddScript("1..3 | ForEach-Object { @{ Name = \"R$_\"; Attachments = 'taxi.txt' } } | Add-NotionDatabaseRow -DatabaseId $args[0] -LocalFileRoot $args[1]")
                .AddArgument(databaseId).AddArgument(receipts);
            var invocation = ps.BeginInvoke();
            while (await ArmedFaultsAsync() > 0)
            {
                await Task.Yield();
            }

            // One row's upload is held by the emulator; the two beside it are added meanwhile.
            var added = 0;
            for (var poll = 0; poll < 300 && added < 2; poll++)
            {
                added = (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Count;
                await Task.Delay(50);
            }

            ps.Stop();

            Assert.Equal(2, added);
            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(invocation));
            Assert.Equal(2, (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Count);
            Assert.Equal(uploads + 2, await UploadCountAsync(Version));
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    /// <summary>-WhatIf with several rows in flight allowed lists each row's upload and sends no upload and no row.</summary>
    [Fact]
    public async Task WhatIfWithRowsInFlightSendsNoUploadAndNoRow()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Dry uploads at once");
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        using var proxy = ConnectThroughProxy(console);
        var connecting = proxy.Requests.Count;

        var result = console.Run(
            "1..3 | ForEach-Object { @{ Name = \"R$_\"; Attachments = 'taxi.txt' } } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $receipts -ThrottleLimit 4 -WhatIf",
            Vars(("db", databaseId), ("receipts", receipts)));

        Assert.Empty(result.Errors);
        Assert.Equal(3, host.WhatIfLines.Count(line => line.StartsWith("What if: Upload the local file", StringComparison.Ordinal)));
        var sent = proxy.Requests.Skip(connecting).ToList();
        Assert.NotEmpty(sent);
        Assert.DoesNotContain(sent, request => request.StartsWith("POST", StringComparison.Ordinal) && !request.EndsWith("/query", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, request => request.Contains("/v1/file_uploads", StringComparison.Ordinal) || request.Contains("/v1/users/me", StringComparison.Ordinal));
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>
    /// Set-NotionPageContent learns that an ID cannot take content (a database's, or one Notion does not find) before any
    /// local file leaves the machine: the uploads would serve a write that cannot happen.
    /// </summary>
    [Theory]
    [InlineData("")]
    [InlineData("-Replace -Confirm:$false")]
    public async Task PageContentForAnIdThatCannotTakeItUploadsNothing(string mode)
    {
        Connect(Version);
        var uploads = await UploadCountAsync(Version);

        var result = Session.Run(
            $"Set-NotionPageContent -PageId $db, $missing -Markdown '[Receipt](taxi.txt)' -LocalFileRoot $receipts {mode}",
            Vars(("db", EmulatorFixture.TasksDatabaseId), ("missing", "0f0f0f0f0f0f4f0f8f0f0f0f0f0f0f0f"), ("receipts", receipts)));

        Assert.Equal(
            new[] { "NotionIdIsADatabase", "NotionObjectNotFound" }.Select(id => id + ",NotionPS.Cmdlets.SetNotionPageContentCommand"),
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal(uploads, await UploadCountAsync(Version));
    }

    /// <summary>
    /// An integration that may insert content but not read it still appends content with files: the check that the ID takes
    /// content reads the block, which such an integration is refused, so the check steps aside rather than fail the write.
    /// </summary>
    [Fact]
    public async Task AnInsertOnlyIntegrationAppendsContentWithAFile()
    {
        var pageId = await NewPageAsync("Drop box");
        await Emulator.AdminPostAsync("integrations", new { name = "Drop Box Writer", token = "demo-token-drop-box", capabilities = new[] { "insert" } });
        (await Emulator.Admin.PutAsync($"shares/{pageId}/Drop Box Writer", null)).EnsureSuccessStatusCode();

        var result = Session.Run(
            $"$null = Connect-NotionIntegration -Token $writer -BaseUri $emu -ApiVersion {Version}; " +
            "Set-NotionPageContent -PageId $page -Markdown '[Receipt](taxi.txt)' -LocalFileRoot $receipts",
            Vars(("writer", EmulatorFixture.Secure("demo-token-drop-box")), ("page", pageId), ("receipts", receipts)));

        Assert.Empty(result.Errors);
        var children = await ApiGetAsync($"v1/blocks/{pageId}/children", Version);
        Assert.Equal("file", (string?)Assert.Single(children["results"]!.AsArray())!["type"]);
    }

    private static JsonObject External(string name, string url) =>
        new() { ["name"] = name, ["type"] = "external", ["external"] = new JsonObject { ["url"] = url } };

    /// <summary>A JSON backup of one row whose files cell records <paramref name="path"/> as where its file was saved.</summary>
    private static string WriteBackup(string backups, string path)
    {
        var backup = Path.Combine(backups, "inbox.json");
        File.WriteAllText(backup, new JsonObject
        {
            ["format"] = "NotionPS.DatabaseExport",
            ["formatVersion"] = 1,
            ["apiVersion"] = "2025-09-03",
            ["exportedTime"] = "2026-11-30T00:00:00Z",
            ["databaseId"] = Guid.NewGuid().ToString(),
            ["dataSourceId"] = null,
            ["title"] = "Inbox",
            ["columns"] = new JsonArray(
                new JsonObject { ["name"] = "Name", ["id"] = "title", ["type"] = "title", ["definition"] = new JsonObject() },
                new JsonObject { ["name"] = "Attachments", ["id"] = "a", ["type"] = "files", ["definition"] = new JsonObject() }),
            ["rows"] = new JsonArray(new JsonObject
            {
                ["pageId"] = Guid.NewGuid().ToString(),
                ["createdTime"] = "2026-11-30T00:00:00Z",
                ["lastEditedTime"] = "2026-11-30T00:00:00Z",
                ["cells"] = new JsonObject
                {
                    ["Name"] = "restored",
                    ["Attachments"] = new JsonArray(new JsonObject { ["name"] = "report.json", ["url"] = "https://files.example/expired/report.json", ["path"] = path }),
                },
            }),
            ["rowCount"] = 1,
        }.ToJsonString());
        return backup;
    }

    /// <summary>Each row's files cell as Notion holds it: each file's type and, for a link, its URL.</summary>
    private async Task<(string Type, string? Url)[][]> CellsAsync(string dataSourceId) =>
        (await Emulator.QueryRowsAsync(dataSourceId, string.Empty)).Select(row => row!["properties"]!["Attachments"]!["files"]!.AsArray()
            .Select(file => ((string)file!["type"]!, (string?)file["external"]?["url"])).ToArray()).ToArray();
}
