using System;
using System.IO;
using System.Linq;
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
