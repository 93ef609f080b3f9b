using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Emulator;
using NotionPS.Tests.Client;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Files end to end: Send-NotionFile, files columns written by Add-/Set-NotionDatabaseRow, row copies, and
/// Save-NotionFile, against the emulator's file uploads and its signed, expiring file URLs.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class FilesTests : RowsTestBase, IDisposable
{
    private const int MiB = 1024 * 1024;

    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-e2e-files-" + Guid.NewGuid().ToString("N"))).FullName;

    public FilesTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static IEnumerable<object[]> FileVersions => new[] { new object[] { "2026-03-11" }, new object[] { "2025-09-03" } };

    [Theory]
    [MemberData(nameof(FileVersions))]
    public async Task TextImageAndA45MBFileAreAttachedReadBackAndSavedByteEqual(string version)
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Files " + version);
        var text = WriteFile("report.txt", 3 * 1024, 1);
        var image = WriteFile("photo.png", 1 * MiB, 2);
        var big = WriteFile("film.mp4", 45 * MiB, 3);
        Connect(version);

        var result = Session.Run(
            """
            $upload = Send-NotionFile -LiteralPath $big
            $row = @{ Name = 'All three'; Attachments = @((Get-Item -LiteralPath $text), $image, $upload) } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $here
            $saved = $row | Save-NotionFile -Destination $out
            $page = New-NotionPage -ParentId $db -Title 'Files in the body' -LocalFileRoot $here -Markdown "![photo]($image)`n`n[report.txt]($text)`n`n[film.mp4]($big)"
            $savedFromPage = $page | Save-NotionFile -Destination $pageOut
            [pscustomobject]@{ Upload = $upload; Row = $row; Saved = $saved; SavedFromPage = $savedFromPage }
            """,
            Vars(("big", big), ("text", text), ("image", image), ("db", databaseId), ("here", folder), ("out", Path.Combine(folder, "saved")), ("pageOut", Path.Combine(folder, "saved-from-page"))));

        Assert.Empty(result.Errors);
        var output = Assert.Single(result.Output);
        var upload = Assert.IsType<NotionFileUpload>(Unwrapped(output.Properties["Upload"].Value));
        Assert.Equal(("film.mp4", 45L * MiB, "video/mp4", "uploaded"), (upload.Name, upload.Size, upload.ContentType, upload.Status));
        Assert.Equal(5, (int?)(await ApiGetAsync($"v1/file_uploads/{upload.Id}", version))["number_of_parts"]!["total"]);

        var row = (System.Management.Automation.PSObject)output.Properties["Row"].Value;
        Assert.Equal(3, ((MultiValue)Unwrapped(row.Properties["Attachments"].Value)!).Count);
        var page = await ApiGetAsync($"v1/pages/{row.Properties["PageId"].Value}", version);
        Assert.Equal(new[] { "report.txt", "photo.png", "film.mp4" }, page["properties"]!["Attachments"]!["files"]!.AsArray().Select(file => (string?)file!["name"]));
        Assert.All(page["properties"]!["Attachments"]!["files"]!.AsArray(), file => Assert.Equal("file", (string?)file!["type"]));

        var saved = ((object[])output.Properties["Saved"].Value).Select(item => Assert.IsType<FileInfo>(Unwrapped(item))).ToList();
        Assert.Equal(new[] { "report.txt", "photo.png", "film.mp4" }, saved.Select(file => file.Name));
        Assert.Equal(new[] { Sha256(text), Sha256(image), Sha256(big) }, saved.Select(file => Sha256(file.FullName)));

        // The same three files embedded in a page's body by path: uploaded, attached as blocks, saved back byte-equal.
        var savedFromPage = ((object[])output.Properties["SavedFromPage"].Value).Select(item => Assert.IsType<FileInfo>(Unwrapped(item))).ToList();
        Assert.Equal(new[] { Sha256(image), Sha256(text), Sha256(big) }, savedFromPage.Select(file => Sha256(file.FullName)));
    }

    /// <summary>
    /// Rows copied several at a time (their downloads and uploads now run in each row's own work) each get their own
    /// row's files, byte-equal, two rows holding the same file included, in the order they were read.
    /// </summary>
    [Fact]
    public async Task RowsCopiedSeveralAtOnceEachKeepTheirOwnFiles()
    {
        var (source, _) = await NewFilesDatabaseAsync("Copy several from");
        var (target, _) = await NewFilesDatabaseAsync("Copy several to");
        var files = new[] { WriteFile("a.txt", 3000, 41), WriteFile("b.txt", 4000, 42), WriteFile("c.txt", 5000, 43) };
        var attached = new[] { files[0], files[1], files[2], files[0] };
        Connect("2026-03-11");

        var result = Session.Run(
            """
            0..3 | ForEach-Object { @{ Name = "Row $_"; Attachments = $attached[$_] } } | Add-NotionDatabaseRow -DatabaseId $source -LocalFileRoot $root | Out-Null
            Get-NotionDatabaseRow -DatabaseId $source -Sort Name | Add-NotionDatabaseRow -DatabaseId $target -ThrottleLimit 4
            """,
            Vars(("attached", attached), ("source", source), ("target", target), ("root", folder)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "Row 0", "Row 1", "Row 2", "Row 3" }, result.Output.Select(row => row.Properties["Name"].Value));
        for (var i = 0; i < attached.Length; i++)
        {
            var copy = await ApiGetAsync($"v1/pages/{result.Output[i].Properties["PageId"].Value}", "2026-03-11");
            var file = Assert.Single(copy["properties"]!["Attachments"]!["files"]!.AsArray())!;
            Assert.Equal(Path.GetFileName(attached[i]), (string?)file["name"]);
            Assert.Equal(Sha256(attached[i]), await DownloadedSha256Async((string)file["file"]!["url"]!));
        }
    }

    [Fact]
    public async Task ARowCopiedToAnotherDatabaseKeepsItsFilesHostedOnesUploadedAgain()
    {
        var (source, sourceDataSource) = await NewFilesDatabaseAsync("Copy from");
        var (target, _) = await NewFilesDatabaseAsync("Copy to");
        var text = WriteFile("notes.txt", 2048, 4);
        const string link = "https://example.com/files/budget%202025.xlsx";
        Connect("2026-03-11");

        var result = Session.Run(
            """
            @{ Name = 'Original'; Attachments = @($text, $link) } | Add-NotionDatabaseRow -DatabaseId $source -LocalFileRoot $root | Out-Null
            Get-NotionDatabaseRow -DatabaseId $source | Add-NotionDatabaseRow -DatabaseId $target
            """,
            Vars(("text", text), ("link", link), ("source", source), ("target", target), ("root", folder)));

        Assert.Empty(result.Errors);
        var copy = await ApiGetAsync($"v1/pages/{Assert.Single(result.Output).Properties["PageId"].Value}", "2026-03-11");
        var original = await ApiGetAsync($"v1/pages/{(await QueryFirstAsync(sourceDataSource))}", "2026-03-11");
        var copied = copy["properties"]!["Attachments"]!["files"]!.AsArray();
        Assert.Equal(new[] { "notes.txt", "budget 2025.xlsx" }, copied.Select(file => (string?)file!["name"]));
        Assert.Equal(("external", link), ((string?)copied[1]!["type"], (string?)copied[1]!["external"]!["url"]));
        var hostedCopy = new Uri((string)copied[0]!["file"]!["url"]!);
        var hostedOriginal = new Uri((string)original["properties"]!["Attachments"]!["files"]![0]!["file"]!["url"]!);
        Assert.NotEqual(hostedOriginal.AbsolutePath, hostedCopy.AbsolutePath);
        Assert.Equal(Sha256(text), await DownloadedSha256Async(hostedCopy.AbsoluteUri));
    }

    [Fact]
    public async Task SaveReadsTheRowAgainWhenItsUrlsHaveExpired()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Expiring");
        var text = WriteFile("late.txt", 100, 5);
        Connect("2026-03-11");
        var rows = Session.Run(
            "@{ Name = 'Late'; Attachments = $text } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root | Out-Null; Get-NotionDatabaseRow -DatabaseId $db",
            Vars(("text", text), ("db", databaseId), ("root", folder))).Output;

        await SetClockAsync(DateTimeOffset.UtcNow.AddHours(2));
        var result = Session.Run("$rows | Save-NotionFile -Destination $out -Verbose", Vars(("rows", rows.ToArray()), ("out", Path.Combine(folder, "saved"))));

        Assert.Empty(result.Errors);
        Assert.Equal(Sha256(text), Sha256(Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject).FullName));
        Assert.Contains(result.Verbose, line => line.Message.Contains("reading page", StringComparison.Ordinal));
    }

    /// <summary>
    /// A row names a files column otherwise than the page does when the column is a case twin ("attachments (column)") or is
    /// named like a row's own property ("Url (column)"): an expired URL is still found again in the page read afresh.
    /// </summary>
    [Fact]
    public async Task SaveReadsTheRowAgainWhenTheUrlsOfColumnsTheRowRenamesHaveExpired()
    {
        var (databaseId, _) = await NewDatabaseAsync("Expiring renamed", new JsonObject
        {
            ["Attachments"] = new JsonObject { ["type"] = "files" },
            ["attachments"] = new JsonObject { ["type"] = "files" },
            ["Url"] = new JsonObject { ["type"] = "files" },
        });
        var files = new[] { WriteFile("first.txt", 100, 51), WriteFile("twin.txt", 200, 52), WriteFile("url.txt", 300, 53) };
        Connect("2026-03-11");
        var rows = Session.Run(
            "@{ Name = 'Renamed'; Attachments = $files[0]; 'attachments (column)' = $files[1]; 'Url (column)' = $files[2] } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root | Out-Null; Get-NotionDatabaseRow -DatabaseId $db",
            Vars(("files", files), ("db", databaseId), ("root", folder))).Output;

        await SetClockAsync(DateTimeOffset.UtcNow.AddHours(2));
        var result = Session.Run("$rows | Save-NotionFile -Destination $out", Vars(("rows", rows.ToArray()), ("out", Path.Combine(folder, "saved"))));

        Assert.Empty(result.Errors);
        Assert.Equal(
            files.Select(Sha256).OrderBy(hash => hash, StringComparer.Ordinal),
            result.Output.Select(file => Sha256(((FileInfo)file.BaseObject).FullName)).OrderBy(hash => hash, StringComparer.Ordinal));
    }

    [Fact]
    public async Task SaveColumnNamingNoFilesColumnIsOneErrorPerDataSourceListingItsFilesColumnsAndTheColumnsFoundAreSaved()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Columns to save");
        var (otherDatabaseId, otherDataSourceId) = await NewFilesDatabaseAsync("Other columns to save");
        var one = WriteFile("one.txt", 100, 7);
        var two = WriteFile("two.txt", 100, 8);
        Connect("2026-03-11");
        var rows = Session.Run(
            "@{ Name = 'One'; Attachments = $one }, @{ Name = 'Two'; Attachments = $two }, @{ Name = 'None' } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root",
            Vars(("one", one), ("two", two), ("db", databaseId), ("root", folder))).Output.ToArray();
        var otherRows = Session.Run("@{ Name = 'Elsewhere' }, @{ Name = 'Elsewhere too' } | Add-NotionDatabaseRow -DatabaseId $db", Vars(("db", otherDatabaseId))).Output.ToArray();
        Assert.Equal(3, rows.Length);

        // Rows as read, of two data sources, with a typo: one error for each data source (at its first row), nothing saved.
        var typo = Session.Run("$rows + $otherRows | Save-NotionFile -Destination $out -Column Attachment", Vars(("rows", rows), ("otherRows", otherRows), ("out", Path.Combine(folder, "typo"))));
        Assert.Empty(typo.Output);
        Assert.Equal(2, typo.Errors.Count);
        Assert.All(typo.Errors, error =>
        {
            Assert.Equal("NotionFilesColumnNotFound,NotionPS.Cmdlets.SaveNotionFileCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains("no files column named 'Attachment'. Its files columns: 'Attachments'.", error.Exception.Message, StringComparison.Ordinal);
        });
        Assert.Contains($"data source {dataSourceId} lack it too", typo.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Contains($"data source {otherDataSourceId} lack it too", typo.Errors[1].Exception.Message, StringComparison.Ordinal);

        // Page IDs (the page is read), with a column of another type beside the right one: its error once, and the files still saved;
        // the row whose files column is empty has nothing to save and is no error.
        var mixed = Session.Run(
            "$rows.PageId | Save-NotionFile -Destination $out -Column Name, attachments",
            Vars(("rows", rows), ("out", Path.Combine(folder, "mixed"))));
        Assert.Contains("no files column named 'Name'", Assert.Single(mixed.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "one.txt", "two.txt" }, mixed.Output.Select(file => ((FileInfo)file.BaseObject).Name));

        var empty = Session.Run("$rows[2] | Save-NotionFile -Destination $out -Column Attachments", Vars(("rows", rows), ("out", Path.Combine(folder, "empty"))));
        Assert.Empty(empty.Errors);
        Assert.Empty(empty.Output);
    }

    [Fact]
    public async Task SaveNeverOverwritesWithoutForceAndRefusesAFileDestinationAndLinks()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Saving");
        var text = WriteFile("keep.txt", 100, 6);
        var output = Directory.CreateDirectory(Path.Combine(folder, "out")).FullName;
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        Connect("2026-03-11");
        Session.Run("$row = @{ Name = 'Keep'; Attachments = $text } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root", Vars(("text", text), ("db", databaseId), ("root", folder)));

        var refused = Session.Run("$row | Save-NotionFile -Destination $out", Vars(("out", output)));
        Assert.Equal("NotionFileExists,NotionPS.Cmdlets.SaveNotionFileCommand", Assert.Single(refused.Errors).FullyQualifiedErrorId);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));

        var forced = Session.Run("$row | Save-NotionFile -Destination $out -Force", Vars(("out", output)));
        Assert.Empty(forced.Errors);
        Assert.Equal(Sha256(text), Sha256(Path.Combine(output, "keep.txt")));

        var aFile = RunExpectingTerminatingError("$row | Save-NotionFile -Destination $file", Vars(("file", text)));
        Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.SaveNotionFileCommand", aFile.FullyQualifiedErrorId);

        var linked = Directory.CreateDirectory(Path.Combine(folder, "linked")).FullName;
        File.CreateSymbolicLink(Path.Combine(linked, "keep.txt"), Path.Combine(folder, "elsewhere.txt"));
        var throughLink = Session.Run("$row | Save-NotionFile -Destination $out -Force", Vars(("out", linked)));
        Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.SaveNotionFileCommand", Assert.Single(throughLink.Errors).FullyQualifiedErrorId);
        Assert.False(File.Exists(Path.Combine(folder, "elsewhere.txt")));
    }

    /// <summary>
    /// Rows piped to one Save-NotionFile share its destination: a second row's "report.txt" (or "REPORT.TXT", the same file
    /// on Windows and macOS) is saved as "report (2).txt", never refused as existing nor, with -Force, written over the first.
    /// </summary>
    [Fact]
    public async Task FilesOfSeveralRowsWithOneNameAreEachSavedUnderANameOfTheirOwn()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Same names");
        var first = Directory.CreateDirectory(Path.Combine(folder, "first")).FullName;
        var second = Directory.CreateDirectory(Path.Combine(folder, "second")).FullName;
        File.WriteAllText(Path.Combine(first, "report.txt"), "first");
        File.WriteAllText(Path.Combine(second, "REPORT.TXT"), "second");
        Connect("2026-03-11");
        var output = Path.Combine(folder, "same-out");

        var result = Session.Run(
            """
            @(@{ Name = 'One'; Attachments = Join-Path $first 'report.txt' }, @{ Name = 'Two'; Attachments = Join-Path $second 'REPORT.TXT' }) |
                Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root | Save-NotionFile -Destination $out -Force | ForEach-Object Name
            """,
            Vars(("first", first), ("second", second), ("db", databaseId), ("root", folder), ("out", output)));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "report.txt", "REPORT (2).TXT" }, result.Output.Select(name => name.BaseObject));
        Assert.Equal("first", File.ReadAllText(Path.Combine(output, "report.txt")));
        Assert.Equal("second", File.ReadAllText(Path.Combine(output, "REPORT (2).TXT")));
    }

    /// <summary>
    /// Each saved file is output as Get-Item gives it, also one whose name holds wildcard characters; a name that starts with
    /// "." is saved without its dot, so it is no hidden file (.zshenv or .gitconfig saved into a home folder would be run by
    /// the shell or git); the files after them are saved and output too.
    /// </summary>
    [Fact]
    public async Task SaveOutputsEveryFileItSavedADotNameWithoutItsDotAndOneWithBracketsIncluded()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Dot files");
        var source = Directory.CreateDirectory(Path.Combine(folder, "dots")).FullName;
        var names = new[] { "a[1].txt", ".env.txt", "z.txt" };
        foreach (var name in names)
        {
            File.WriteAllText(Path.Combine(source, name), name);
        }

        Connect("2026-03-11");
        var output = Path.Combine(folder, "dots-out");
        var result = Session.Run(
            "@{ Name = 'Dots'; Attachments = $names } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $source | Save-NotionFile -Destination $out | ForEach-Object { $_.Name + ' ' + $_.PSPath.StartsWith('Microsoft.PowerShell.Core\\FileSystem::') }",
            Vars(("names", names), ("db", databaseId), ("source", source), ("out", output)));

        var saved = new[] { "a[1].txt", "env.txt", "z.txt" };
        Assert.Empty(result.Errors);
        Assert.Equal(saved.Select(name => name + " True"), result.Output.Select(line => (string)line.BaseObject));
        Assert.Equal(saved, Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(names.Zip(saved), pair => Assert.Equal(pair.First, File.ReadAllText(Path.Combine(output, pair.Second))));
    }

    [ImmutableFileFact]
    public async Task SaveWritesAnErrorForAFileItCannotReplaceAndSavesTheOtherFilesOfTheRowAndTheNextRows()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Locked");
        var locked = WriteFile("locked.txt", 100, 41);
        var free = WriteFile("free.txt", 100, 42);
        var next = WriteFile("next.txt", 100, 43);
        var output = Directory.CreateDirectory(Path.Combine(folder, "locked-out")).FullName;
        var lockedCopy = Path.Combine(output, "locked.txt");
        File.WriteAllText(lockedCopy, "mine");
        Connect("2026-03-11");
        var rows = Session.Run(
            "@{ Name = 'Two'; Attachments = @($locked, $free) }, @{ Name = 'Next'; Attachments = $next } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root",
            Vars(("locked", locked), ("free", free), ("next", next), ("db", databaseId), ("root", folder))).Output.ToArray();

        ImmutableFiles.Set(lockedCopy, true);
        try
        {
            var result = Session.Run("$rows | Save-NotionFile -Destination $out -Force", Vars(("rows", rows), ("out", output)));

            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.SaveNotionFileCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.Contains($"'{lockedCopy}' could not be written", error.Exception.Message, StringComparison.Ordinal);
            Assert.Equal(new[] { "free.txt", "next.txt" }, result.Output.Select(file => ((FileInfo)file.BaseObject).Name));
            Assert.Equal(new[] { Sha256(free), Sha256(next) }, new[] { "free.txt", "next.txt" }.Select(name => Sha256(Path.Combine(output, name))));
            Assert.Equal("mine", File.ReadAllText(lockedCopy));
            Assert.Equal(3, Directory.GetFileSystemEntries(output).Length);
        }
        finally
        {
            ImmutableFiles.Set(lockedCopy, false);
        }
    }

    [Fact]
    public async Task ADestinationBelowAFileIsAnErrorForEachRowAndNoneStopsTheOthers()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Below a file");
        var one = WriteFile("one.txt", 100, 44);
        var two = WriteFile("two.txt", 100, 45);
        Connect("2026-03-11");
        var rows = Session.Run(
            "@{ Name = 'One'; Attachments = $one }, @{ Name = 'Two'; Attachments = $two } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root",
            Vars(("one", one), ("two", two), ("db", databaseId), ("root", folder))).Output.ToArray();

        var result = Session.Run("$rows | Save-NotionFile -Destination $out", Vars(("rows", rows), ("out", Path.Combine(one, "saved"))));

        Assert.Empty(result.Output);
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.SaveNotionFileCommand", error.FullyQualifiedErrorId));
    }

    /// <summary>
    /// A row piped from Get-NotionDatabaseRow saves its files under the names Notion gives them, as -PageId does: before,
    /// a linked file was named by its URL's last segment ("download", twice), so one row saved by ID and by pipe gave
    /// different files.
    /// </summary>
    [Fact]
    public async Task APipedRowSavesItsLinkedFilesUnderTheirNamesInNotion()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Named links");
        using var host = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", "linked", "Content-Type: text/plain"));
        var link = new Uri(host.BaseUri, "files/download?id=7").ToString();
        var files = new JsonArray(
            new JsonObject { ["name"] = "Quarterly report.pdf", ["type"] = "external", ["external"] = new JsonObject { ["url"] = link } },
            new JsonObject { ["name"] = "notes.txt", ["type"] = "external", ["external"] = new JsonObject { ["url"] = link } });
        using (var seeded = await Emulator.Admin.PostAsJsonAsync($"data_sources/{dataSourceId}/rows", new JsonObject
        {
            ["rows"] = new JsonArray(new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Named", ["Attachments"] = files } }),
        }))
        {
            seeded.EnsureSuccessStatusCode();
        }

        Connect("2026-03-11");

        var result = Session.Run(
            "Get-NotionDatabaseRow -DatabaseId $db | Save-NotionFile -Destination $out | ForEach-Object Name",
            Vars(("db", databaseId), ("out", Path.Combine(folder, "named"))));

        Assert.Empty(result.Errors);
        Assert.Equal(new object[] { "Quarterly report.pdf", "notes.txt" }, result.Output.Select(name => name.BaseObject));
    }

    /// <summary>A link that is no http(s) URL is never downloaded, so its error does not say to run the command again.</summary>
    [Fact]
    public async Task ALinkThatIsNoWebUrlIsAnErrorThatDoesNotSayToTryAgain()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Not web");
        using (var seeded = await Emulator.Admin.PostAsJsonAsync($"data_sources/{dataSourceId}/rows", new JsonObject
        {
            ["rows"] = new JsonArray(new JsonObject
            {
                ["properties"] = new JsonObject
                {
                    ["Name"] = "Share",
                    ["Attachments"] = new JsonArray(new JsonObject { ["name"] = "plan.pdf", ["type"] = "external", ["external"] = new JsonObject { ["url"] = "ftp://files.example/plan.pdf" } }),
                },
            }),
        }))
        {
            seeded.EnsureSuccessStatusCode();
        }

        Connect("2026-03-11");

        var result = Session.Run("Get-NotionDatabaseRow -DatabaseId $db | Save-NotionFile -Destination $out", Vars(("db", databaseId), ("out", Path.Combine(folder, "not-web"))));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionFileDownloadFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal("'plan.pdf' of column 'Attachments' could not be downloaded: 'ftp://files.example/plan.pdf' is not an http(s) URL. NotionPS downloads only http(s) URLs: open this one where it is.", error.Exception.Message);
    }

    [Fact]
    public async Task ADownloadNeverCarriesTheToken()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("External");
        using var host = new LoopbackServer(_ => LoopbackServer.Response(200, "OK", "external content", "Content-Type: text/plain"));
        Connect("2026-03-11");

        var result = Session.Run(
            "@{ Name = 'Linked'; Attachments = $link } | Add-NotionDatabaseRow -DatabaseId $db | Save-NotionFile -Destination $out",
            Vars(("link", new Uri(host.BaseUri, "files/linked.txt").ToString()), ("db", databaseId), ("out", Path.Combine(folder, "saved"))));

        Assert.Empty(result.Errors);
        Assert.Equal("external content", File.ReadAllText(Assert.IsType<FileInfo>(Assert.Single(result.Output).BaseObject).FullName));
        var request = Assert.Single(host.Requests);
        Assert.Equal(string.Empty, request.Header("Authorization"));
        Assert.Equal(string.Empty, request.Header("Notion-Version"));
    }

    /// <summary>The system's own words for an unreachable host end without a full stop; the error still reads as sentences.</summary>
    [Fact]
    public async Task ADownloadFromAHostThatDoesNotAnswerIsAnErrorInWholeSentences()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Unreachable");
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        Connect("2026-03-11");

        var result = Session.Run(
            "@{ Name = 'Linked'; Attachments = $link } | Add-NotionDatabaseRow -DatabaseId $db | Save-NotionFile -Destination $out",
            Vars(("link", $"http://127.0.0.1:{closedPort}/spec.pdf"), ("db", databaseId), ("out", Path.Combine(folder, "unreachable"))));

        var exported = Session.Run(
            "Export-NotionDatabase -DatabaseId $db -Path (Join-Path $out rows.json) -IncludeFiles (Join-Path $out files)",
            Vars(("db", databaseId), ("out", Path.Combine(folder, "unreachable-export"))));

        // Either command may meet it, so the remedy names neither.
        Assert.All(result.Errors.Concat(exported.Errors), failure => Assert.Equal("The next run reads the row afresh, with new file URLs.", failure.ErrorDetails.RecommendedAction));
        Assert.StartsWith("NotionFileDownloadFailed,NotionPS.Cmdlets.ExportNotionDatabaseCommand", Assert.Single(exported.Errors).FullyQualifiedErrorId, StringComparison.Ordinal);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionFileDownloadFailed,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Matches(@"could not be downloaded: Could not download from http://127\.0\.0\.1:\d+/spec\.pdf: [^\n]*[^.]\. Run the command again when the file host answers\.$", error.Exception.Message);
    }

    [Theory]
    [InlineData("missing.txt", 0, null, "NotionFileNotFound")]
    [InlineData("empty.txt", 0, "create", "NotionFileEmpty")]
    [InlineData("archive.zip", 10, "create", "NotionFileNameRefused")]
    public async Task AFileThatCannotBeSentFailsItsRowAndNoRowIsAdded(string name, int length, string? create, string errorId)
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Refused " + errorId);
        var path = create == null ? Path.Combine(folder, name) : WriteFile(name, length, 7);
        Connect("2026-03-11");

        var result = Session.Run(
            "Send-NotionFile -LiteralPath $path; @{ Name = 'Refused'; Attachments = $path }, @{ Name = 'Fine' } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root",
            Vars(("path", path), ("db", databaseId), ("root", folder)));

        Assert.Equal(new[] { $"{errorId},NotionPS.Cmdlets.SendNotionFileCommand", $"{errorId},NotionPS.Cmdlets.AddNotionDatabaseRowCommand" }, result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.Equal(new[] { "Fine" }, await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>-Name of only white space or with a control character is refused before any upload, and the next file still goes.</summary>
    [Fact]
    public async Task ANameOfWhiteSpaceOrControlCharactersIsRefusedBeforeAnyUpload()
    {
        var path = WriteFile("named.txt", 10, 9);
        Connect("2026-03-11");
        var uploads = await UploadCountAsync("2026-03-11");

        var result = Session.Run("Send-NotionFile -LiteralPath $path -Name \" `t \"; Send-NotionFile -LiteralPath $path -Name \"a`nb.txt\"; (Send-NotionFile -LiteralPath $path -Name ok.txt).Name", Vars(("path", path)));

        Assert.Equal(new[] { "NotionFileNameRefused", "NotionFileNameRefused" }, result.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));
        Assert.Contains("only white space", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("control character", result.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
        Assert.Equal("ok.txt", Assert.Single(result.Output).BaseObject);
        Assert.Equal(uploads + 1, await UploadCountAsync("2026-03-11"));
    }

    /// <summary>
    /// A name on disk that a Content-Disposition header cannot carry as it is (a line break, a carriage return, a quote)
    /// once stopped the whole command with a raw FormatException, so the files after it were never sent (hunt2 F3). Such
    /// a name is now sent cleaned, as Save-NotionFile cleans names it did not get from the user: its control characters
    /// become '_', the rest is kept (Notion takes the name from the upload's JSON, not the header). Non-ASCII names keep
    /// every character, and so does a backslash given by -Name (PowerShell reads one on disk as a separator).
    /// </summary>
    [NotionPS.Tests.Operations.Files.UnixFact("Windows file names cannot hold a line break or a quote.")]
    public void AFileWhoseNameOnDiskHoldsALineBreakOrAQuoteIsSentUnderACleanedNameAndTheFilesAfterItGoOn()
    {
        var paths = new[] { WriteFile("g1.txt", 10, 1), WriteFile("line\nbreak.txt", 10, 2), WriteFile("carriage\rreturn \"quoted\".txt", 10, 3), WriteFile("café.txt", 10, 4), WriteFile("日本.txt", 10, 5) };
        Connect("2026-03-11");

        foreach (var errorAction in new[] { "Continue", "SilentlyContinue" })
        {
            var result = Session.Run(
                "Send-NotionFile -LiteralPath $paths -ErrorAction $errorAction | ForEach-Object Name; (Send-NotionFile -LiteralPath $paths[0] -Name 'back\\slash.txt').Name",
                Vars(("paths", paths), ("errorAction", errorAction)));

            Assert.Empty(result.Errors.Select(error => error.ToString()));
            Assert.Equal(new[] { "g1.txt", "line_break.txt", "carriage_return \"quoted\".txt", "café.txt", "日本.txt", "back\\slash.txt" }, result.Output.Select(name => name.BaseObject));
        }
    }

    [Fact]
    public void AContentTypeNotionRefusesIsRefused()
    {
        var path = WriteFile("data.txt", 10, 8);
        Connect("2026-03-11");

        var result = Session.Run("Send-NotionFile -LiteralPath $path -ContentType application/zip; Send-NotionFile -LiteralPath $path -ContentType image/png", Vars(("path", path)));

        Assert.Equal(new[] { "NotionFileTypeRefused", "NotionFileTypeRefused" }, result.Errors.Select(error => error.FullyQualifiedErrorId.Split(',')[0]));
    }

    [Fact]
    public async Task AFileOverTheWorkspaceLimitIsRefusedBeforeAnyByteIsSent()
    {
        await using var small = await EmulatorServer.StartAsync(new EmulatorOptions { Urls = "http://127.0.0.1:0", RateLimit = 0, RetryAfterSeconds = 0, MaxFileUploadBytes = 4096 });
        var path = WriteFile("big.txt", 5000, 9);

        var result = Session.Run(
            "Connect-NotionIntegration -Token $token -BaseUri $small | Out-Null; Send-NotionFile -LiteralPath $path",
            Vars(("small", small.BaseUri.ToString()), ("path", path)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionFileTooLarge,NotionPS.Cmdlets.SendNotionFileCommand", error.FullyQualifiedErrorId);
        Assert.Contains("5000 bytes", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("4096 bytes", error.ToString(), StringComparison.Ordinal);
        Assert.Empty((await ApiAsync(small.BaseUri, HttpMethod.Get, "v1/file_uploads", "2026-03-11"))["results"]!.AsArray());
    }

    [Fact]
    public async Task AnUploadThatExpiredBeforeAttachingIsRefusedAndNothingIsAdded()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Expired upload");
        var path = WriteFile("late.txt", 10, 10);
        Connect("2026-03-11");
        Session.Run("$upload = Send-NotionFile -LiteralPath $path", Vars(("path", path)));

        await SetClockAsync(DateTimeOffset.UtcNow.AddMinutes(61));
        var result = Session.Run("@{ Name = 'Too late'; Attachments = $upload } | Add-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));

        Assert.Equal("NotionFileUploadExpired,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", Assert.Single(result.Errors).FullyQualifiedErrorId);
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    [Fact]
    public async Task AFailedPartIsRetriedAndAPartThatKeepsFailingFailsTheUploadAndNothingIsAttached()
    {
        var (databaseId, dataSourceId) = await NewFilesDatabaseAsync("Failing part");
        var path = WriteFile("parts.pdf", 21 * MiB, 11);
        var result = Session.Run("Connect-NotionIntegration -Token $token -BaseUri $emu -MaximumRetryCount 1 | Out-Null");
        Assert.Empty(result.Errors);

        await AddFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 1, ["method"] = "POST", ["path"] = "/v1/file_uploads/*/send" });
        var retried = Session.Run("Send-NotionFile -LiteralPath $path", Vars(("path", path)));
        Assert.Empty(retried.Errors);
        Assert.Equal("uploaded", Assert.Single(retried.OutputOf<NotionFileUpload>()).Status);

        await AddFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 4, ["method"] = "POST", ["path"] = "/v1/file_uploads/*/send" });
        var failed = Session.Run("@{ Name = 'Broken'; Attachments = $path } | Add-NotionDatabaseRow -DatabaseId $db -LocalFileRoot $root", Vars(("path", path), ("db", databaseId), ("root", folder)));
        var error = Assert.Single(failed.Errors);
        Assert.Equal("NotionFileUploadFailed,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Part ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
        await ClearFaultsAsync();
    }

    [Fact]
    public async Task SetNotionDatabaseRowAttachesFilesByPathAndKeepsExternalLinks()
    {
        var (databaseId, _) = await NewFilesDatabaseAsync("Set files");
        var text = WriteFile("set.txt", 50, 12);
        Connect("2025-09-03");

        var result = Session.Run(
            """
            Push-Location -LiteralPath $folder
            try {
                @{ Name = 'Row' } | Add-NotionDatabaseRow -DatabaseId $db | Set-NotionDatabaseRow -Property @{ Attachments = 'set.txt; https://example.com/a.pdf' } -LocalFileRoot . -PassThru
            } finally { Pop-Location }
            """,
            Vars(("folder", folder), ("db", databaseId)));

        Assert.Empty(result.Errors);
        var page = await ApiGetAsync($"v1/pages/{Assert.Single(result.Output).Properties["PageId"].Value}", "2025-09-03");
        var files = page["properties"]!["Attachments"]!["files"]!.AsArray();
        Assert.Equal(new[] { ("set.txt", "file"), ("a.pdf", "external") }, files.Select(file => ((string)file!["name"]!, (string)file["type"]!)));
        Assert.Equal(Sha256(text), await DownloadedSha256Async((string)files[0]!["file"]!["url"]!));
    }

    [Theory]
    [MemberData(nameof(FileVersions))]
    public async Task AnUploadBecomesAPagesIconAndCoverThroughInvokeNotionApi(string version)
    {
        var image = WriteFile("cover.png", 1 * MiB, 13);
        Connect(version);

        var result = Session.Run(
            """
            $upload = Send-NotionFile -LiteralPath $image
            $visual = @{ type = 'file_upload'; file_upload = @{ id = $upload.Id } }
            Invoke-NotionApi -Method PATCH -Path "v1/pages/$page" -Body @{ icon = $visual; cover = $visual } | Out-Null
            """,
            Vars(("image", image), ("page", EmulatorFixture.MeetingNotesPageId)));

        Assert.Empty(result.Errors);
        var page = await ApiGetAsync($"v1/pages/{EmulatorFixture.MeetingNotesPageId}", version);
        Assert.Equal(Sha256(image), await DownloadedSha256Async((string)page["cover"]!["file"]!["url"]!));
        Assert.Equal(Sha256(image), await DownloadedSha256Async((string)page["icon"]!["file"]!["url"]!));
    }

    [Fact]
    public async Task MarkdownEmbedsLocalFilesByRelativePathWhichReadBackHostedAndSaveByteEqual()
    {
        var image = WriteFile("chart.png", 50_000, 21);
        Directory.CreateDirectory(Path.Combine(folder, "out"));
        var report = WriteFile(Path.Combine("out", "report.pdf"), 20_000, 22);
        Connect("2026-03-11");

        var result = Session.Run(
            """
            Set-Location -LiteralPath $here
            $markdown = "# Report`n`n![The chart](./chart.png)`n`n- Attachments`n`n  [report.pdf](./out/report.pdf)"
            $page = New-NotionPage -ParentId $parent -Title 'Embedded files' -Markdown $markdown -LocalFileRoot .
            $blocks = Get-NotionPageContent -PageId $page -AsBlocks
            $media = @($blocks) + @($blocks | ForEach-Object { $_.children }) | Where-Object { $_.type -in 'image', 'file' }
            [pscustomobject]@{
                Media = @($media | ForEach-Object { '{0}:{1}:{2}' -f $_.type, $_.($_.type).type, $_.($_.type).name })
                Saved = @(Save-NotionFile -PageId $page -Destination $out)
            }
            """,
            Vars(("here", folder), ("parent", EmulatorFixture.MeetingNotesPageId), ("out", Path.Combine(folder, "saved"))));

        Assert.Empty(result.Errors);
        var output = Assert.Single(result.Output);
        // Both local files were uploaded and attached (Notion hosts them: type file), the file block under the list item.
        Assert.Equal(new[] { "image:file:", "file:file:report.pdf" }, ((object[])output.Properties["Media"].Value).Select(item => Unwrapped(item)!.ToString()));
        var saved = ((object[])output.Properties["Saved"].Value).Select(item => Assert.IsType<FileInfo>(Unwrapped(item))).ToList();
        Assert.Equal(new[] { Sha256(image), Sha256(report) }, saved.Select(file => Sha256(file.FullName)));
    }

    [Fact]
    public async Task MarkdownShowsALocalPdfVideoOrAudioFileInItsOwnKindOfBlockAndRefusesADocumentBeforeAnyUpload()
    {
        WriteFile("chart.png", 2_000, 41);
        WriteFile("q3.pdf", 3_000, 42);
        WriteFile("clip.mp4", 4_000, 43);
        WriteFile("tune.mp3", 5_000, 44);
        WriteFile("my notes.docx", 6_000, 45);
        Connect("2026-03-11");

        var result = Session.Run(
            """
            Set-Location -LiteralPath $here
            $page = New-NotionPage -ParentId $parent -Title 'Shown inline' -LocalFileRoot . -Markdown "![The chart](./chart.png)`n`n![Q3 report](./q3.pdf)`n`n![A clip](clip.mp4)`n`n![A tune](./tune.mp3)"
            Get-NotionPageContent -PageId $page -AsBlocks | ForEach-Object { '{0}:{1}:{2}' -f $_.type, $_.($_.type).type, $_.($_.type).caption.plain_text }
            $refused = New-NotionPage -ParentId $parent -Title 'Never shown' -LocalFileRoot . -Markdown "Notes:`n`n![The notes](./my%20notes.docx)"
            """,
            Vars(("here", folder), ("parent", EmulatorFixture.MeetingNotesPageId)));

        // Each file was uploaded and attached (Notion hosts it: type file) to the block for its kind.
        Assert.Equal(new[] { "image:file:The chart", "pdf:file:Q3 report", "video:file:A clip", "audio:file:A tune" }, result.Output.Select(item => item.ToString()));
        var error = Assert.Single(result.Errors);
        Assert.Equal("MarkdownFileNotShownInline,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(
            "Markdown line 3: ![...](./my%20notes.docx) shows a file in the page, which Notion does for images, PDFs, video and audio; 'my notes.docx' is " +
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document. Write [my notes.docx](./my%20notes.docx) to attach it as a file to download. Nothing was written.",
            error.Exception.Message);
        var titles = (await ApiGetAsync($"v1/blocks/{EmulatorFixture.MeetingNotesPageId}/children?page_size=100", "2026-03-11"))["results"]!.AsArray()
            .Where(block => (string?)block!["type"] == "child_page").Select(block => (string?)block!["child_page"]!["title"]);
        Assert.Contains("Shown inline", titles);
        Assert.DoesNotContain("Never shown", titles);
    }

    [Fact]
    public async Task AMissingLocalFileInMarkdownIsAnErrorNamingItsLineAndNothingIsWritten()
    {
        WriteFile("present.png", 1000, 23);
        Connect("2026-03-11");

        var result = Session.Run(
            """
            Set-Location -LiteralPath $here
            $page = New-NotionPage -ParentId $parent -Title 'Missing file'
            Set-NotionPageContent -PageId $page -LocalFileRoot . -Markdown "![here](./present.png)`n`n[gone.pdf](./gone.pdf)"
            New-NotionPage -ParentId $parent -Title 'Never created' -LocalFileRoot . -Markdown "Text`n`n![gone](gone.png)"
            $page
            """,
            Vars(("here", folder), ("parent", EmulatorFixture.MeetingNotesPageId)));

        Assert.Equal(new[] { "NotionFileNotFound,NotionPS.Cmdlets.SetNotionPageContentCommand", "NotionFileNotFound,NotionPS.Cmdlets.NewNotionPageCommand" }, result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.StartsWith("Markdown line 3: No file '" + Path.Combine(folder, "gone.pdf") + "'", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("Markdown line 3: No file '" + Path.Combine(folder, "gone.png") + "'", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        var page = Assert.IsType<NotionPage>(Unwrapped(Assert.Single(result.Output)));
        Assert.Empty((await ApiGetAsync($"v1/blocks/{page.PageId}/children", "2026-03-11"))["results"]!.AsArray());
        var titles = (await ApiGetAsync($"v1/blocks/{EmulatorFixture.MeetingNotesPageId}/children?page_size=100", "2026-03-11"))["results"]!.AsArray()
            .Where(block => (string?)block!["type"] == "child_page").Select(block => (string?)block!["child_page"]!["title"]);
        Assert.DoesNotContain("Never created", titles);
    }

    [Theory]
    [MemberData(nameof(FileVersions))]
    public async Task ExportIncludeFilesSavesEachRowsFilesAndARestoreUploadsThemAgainAfterTheUrlsExpired(string version)
    {
        var (source, _) = await NewFilesDatabaseAsync("Backed up " + version);
        var (copy, _) = await NewFilesDatabaseAsync("Restored " + version);
        var report = WriteFile("report.pdf", 300_000, 31);
        var photo = WriteFile("photo.png", 20_000, 32);
        var other = WriteFile(Path.Combine(Directory.CreateDirectory(Path.Combine(folder, "other")).Name, "report.pdf"), 5_000, 33);
        var backup = Path.Combine(folder, "backup", "rows.json");
        var files = Path.Combine(folder, "backup", "files");
        Directory.CreateDirectory(Path.GetDirectoryName(backup)!);
        Connect(version);
        var vars = Vars(("report", report), ("photo", photo), ("other", other), ("from", source), ("to", copy), ("backup", backup), ("files", files), ("out", Path.Combine(folder, "restored")), ("root", folder));

        var exported = Session.Run(
            """
            @{ Name = 'Q1: a/b'; Attachments = @($report, $photo) }, @{ Name = 'Q1: a/b'; Attachments = $other }, @{ Name = 'None' } | Add-NotionDatabaseRow -DatabaseId $from -LocalFileRoot $root | Out-Null
            Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $files
            """, vars);
        Assert.Empty(exported.Errors);

        // A folder per row with files, named by its title (made safe) and the start of its page ID.
        var rowFolders = Directory.GetDirectories(files).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(2, rowFolders.Count);
        Assert.All(rowFolders, name => Assert.Matches("^Q1_ a_b [0-9a-f]{8}$", name));
        var saved = JsonNode.Parse(File.ReadAllText(backup))!["rows"]!.AsArray()
            .SelectMany(row => row!["cells"]!["Attachments"]!.AsArray())
            .ToDictionary(file => (string)file!["path"]!, file => (string?)file!["url"]);
        Assert.Equal(3, saved.Count);
        Assert.All(saved.Keys, path => Assert.StartsWith("files/Q1_ a_b ", path, StringComparison.Ordinal));
        var savedHashes = saved.Keys.Select(path => Sha256(Path.Combine(Path.GetDirectoryName(backup)!, path))).Order().ToList();
        Assert.Equal(new[] { Sha256(report), Sha256(photo), Sha256(other) }.Order(), savedHashes);

        // Again into the same folder: every file exists, so each is an error and none is replaced; with -Force none is.
        var again = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $files", vars);
        Assert.Equal(3, again.Errors.Count);
        Assert.All(again.Errors, error => Assert.Equal("NotionFileExists,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId));
        Assert.All(again.Errors, error => Assert.Equal("Add -Force to replace it, or save into another folder.", error.ErrorDetails.RecommendedAction));
        Assert.Empty(Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $files -Force", vars).Errors);

        // Hours later the URLs in the backup have expired: the restore uploads the saved files instead.
        await SetClockAsync(DateTimeOffset.UtcNow.AddHours(2));
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to", vars);
        var restored = Session.Run("Get-NotionDatabaseRow -DatabaseId $to | Where-Object { $_.Attachments } | ForEach-Object { $_ | Save-NotionFile -Destination (Join-Path $out $_.PageId) }", vars);

        Assert.Empty(imported.Errors);
        Assert.Empty(restored.Errors);
        Assert.Equal(
            new[] { Sha256(report), Sha256(photo), Sha256(other) }.Order(),
            restored.Output.Select(file => Sha256(Assert.IsType<FileInfo>(file.BaseObject).FullName)).Order());
    }

    [Fact]
    public async Task ExportIncludeFilesRefusesAFileAsItsFolder()
    {
        var (source, _) = await NewFilesDatabaseAsync("Files to a file");
        var aFile = WriteFile("not-a-folder.txt", 10, 34);
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $file",
            Vars(("from", source), ("backup", Path.Combine(folder, "rows.json")), ("file", aFile)));

        Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal("Give a folder to save into (it is created when missing), with no links in its path.", error.ErrorDetails.RecommendedAction);
        Assert.False(File.Exists(Path.Combine(folder, "rows.json")));
    }

    /// <summary>
    /// A files folder that is the export file, lies inside it or under a file is refused before any request (the database
    /// does not exist, so a request would be NotionObjectNotFound) and before any folder is made, naming both paths; so is
    /// -NoClobber over an existing export file, which made the files folder before it failed.
    /// </summary>
    [Theory]
    [InlineData("rows.json", "rows.json")]
    [InlineData("rows.json", "rows.json/files")]
    [InlineData("new/rows.json", "new/rows.json")]
    [InlineData("rows.json", "note.txt/files")]
    public void ExportIncludeFilesThatClashesWithTheExportFileIsRefusedBeforeAnyRequestOrFolder(string export, string files)
    {
        File.WriteAllText(Path.Combine(folder, "note.txt"), "a file");
        var path = Path.Combine(folder, export);
        var filesFolder = Path.Combine(folder, files);
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Export-NotionDatabase -DatabaseId $db -Path $path -IncludeFiles $files",
            Vars(("db", Guid.NewGuid().ToString()), ("path", path), ("files", filesFolder)));

        Assert.Equal("NotionFileDestinationInvalid,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith($"-IncludeFiles '{filesFolder}' ", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains($"the export to '{path}'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { "note.txt" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    [Fact]
    public void ExportIncludeFilesWithNoClobberOverAnExistingFileMakesNoFolder()
    {
        var path = Path.Combine(folder, "rows.json");
        File.WriteAllText(path, "kept");
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Export-NotionDatabase -DatabaseId $db -Path $path -IncludeFiles $files -NoClobber",
            Vars(("db", Guid.NewGuid().ToString()), ("path", path), ("files", Path.Combine(folder, "files"))));

        Assert.Equal("NotionExportFileExists,NotionPS.Cmdlets.ExportNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(new[] { "rows.json" }, Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
        Assert.Equal("kept", File.ReadAllText(path));
    }

    /// <summary>
    /// A file Notion names ".pdf" is saved as "file.pdf" (it was "pdf", a name without extension the upload API refuses), so
    /// the backup restores it from the saved copy once the URLs have expired, without a warning.
    /// </summary>
    [Fact]
    public async Task AFileNamedOnlyByItsExtensionIsSavedWithItAndRestoredFromTheSavedCopy()
    {
        var (source, _) = await NewFilesDatabaseAsync("Dot pdf");
        var (copy, copySource) = await NewFilesDatabaseAsync("Dot pdf restored");
        var dotPdf = WriteFile(".pdf", 1_000, 41);
        var backup = Path.Combine(folder, "rows.json");
        Connect("2026-03-11");
        var vars = Vars(("file", dotPdf), ("from", source), ("to", copy), ("backup", backup), ("files", Path.Combine(folder, "files")), ("root", folder));

        var exported = Session.Run(
            """
            @{ Name = 'Dot'; Attachments = $file } | Add-NotionDatabaseRow -DatabaseId $from -LocalFileRoot $root | Out-Null
            Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $files
            """, vars);
        await SetClockAsync(DateTimeOffset.UtcNow.AddHours(2));
        var imported = Session.Run("Import-NotionDatabase -Path $backup -DatabaseId $to", vars);

        Assert.Empty(exported.Errors);
        var recorded = (string)JsonNode.Parse(File.ReadAllText(backup))!["rows"]![0]!["cells"]!["Attachments"]![0]!["path"]!;
        Assert.EndsWith("/file.pdf", recorded, StringComparison.Ordinal);
        Assert.Empty(imported.Errors);
        Assert.Empty(imported.Warnings);
        var restored = (await ApiAsync(Emulator.BaseUri, HttpMethod.Post, $"v1/data_sources/{copySource}/query", "2026-03-11"))["results"]![0]!["properties"]!["Attachments"]!["files"]![0]!;
        Assert.Equal(("file", "file.pdf"), ((string?)restored["type"], (string?)restored["name"]));
    }

    /// <summary>
    /// An export file written into a row's own folder keeps its name there: the row's file of that name is saved beside it as
    /// "rows (2).json". Before, it was saved as rows.json, recorded as the file to upload again, and replaced by the backup.
    /// </summary>
    [Fact]
    public async Task AnExportFileInARowsFolderIsNotTakenByTheRowsFileOfThatName()
    {
        var (source, _) = await NewFilesDatabaseAsync("Backup in a row folder");
        var attached = WriteFile("rows.json", 500, 42);
        Connect("2026-03-11");
        var pageId = (string)Assert.Single(Session.Run("@{ Name = 'R'; Attachments = $file } | Add-NotionDatabaseRow -DatabaseId $from -LocalFileRoot $root",
            Vars(("file", attached), ("from", source), ("root", folder))).Output).Properties["PageId"].Value;
        var files = Path.Combine(folder, "files");
        var rowFolder = Directory.CreateDirectory(Path.Combine(files, "R " + pageId.Replace("-", string.Empty)[..8])).FullName;
        var backup = Path.Combine(rowFolder, "rows.json");

        var exported = Session.Run("Export-NotionDatabase -DatabaseId $from -Path $backup -IncludeFiles $files", Vars(("from", source), ("backup", backup), ("files", files)));

        Assert.Empty(exported.Errors);
        var backupJson = JsonNode.Parse(File.ReadAllText(backup))!;
        Assert.Equal("rows (2).json", (string)backupJson["rows"]![0]!["cells"]!["Attachments"]![0]!["path"]!);
        Assert.Equal(Sha256(attached), Sha256(Path.Combine(rowFolder, "rows (2).json")));
    }

    public new void Dispose()
    {
        Emulator.Admin.PutAsJsonAsync("clock", new { now = (string?)null }).GetAwaiter().GetResult().Dispose();
        base.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private Task<(string DatabaseId, string DataSourceId)> NewFilesDatabaseAsync(string title) =>
        NewDatabaseAsync(title, new JsonObject { ["Attachments"] = new JsonObject { ["type"] = "files" } });

    private async Task SetClockAsync(DateTimeOffset now)
    {
        using var response = await Emulator.Admin.PutAsJsonAsync("clock", new { now = now.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'") });
        response.EnsureSuccessStatusCode();
    }

    private async Task<string> QueryFirstAsync(string dataSourceId) =>
        (string)(await ApiAsync(Emulator.BaseUri, HttpMethod.Post, $"v1/data_sources/{dataSourceId}/query", "2026-03-11"))["results"]![0]!["id"]!;

    /// <summary>A request straight to an emulator's API as the full-access integration; a POST sends an empty JSON body.</summary>
    private async Task<JsonNode> ApiAsync(Uri baseUri, HttpMethod method, string path, string version)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path)) { Content = method == HttpMethod.Post ? JsonContent.Create(new { }) : null };
        request.Headers.Add("Authorization", "Bearer " + EmulatorFixture.FullAccessToken);
        request.Headers.Add("Notion-Version", version);
        using var response = await Emulator.Admin.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    private async Task<string> DownloadedSha256Async(string url) => SHA256.HashData(await Emulator.Admin.GetByteArrayAsync(url)).AsHex();

    /// <summary>A file of random bytes (seeded), written a buffer at a time.</summary>
    private string WriteFile(string name, int length, int seed)
    {
        var path = Path.Combine(folder, name);
        var random = new Random(seed);
        var buffer = new byte[Math.Min(length, MiB)];
        using var output = File.Create(path);
        for (var left = length; left > 0; left -= buffer.Length)
        {
            random.NextBytes(buffer);
            output.Write(buffer, 0, Math.Min(left, buffer.Length));
        }

        return path;
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return SHA256.HashData(stream).AsHex();
    }
}

internal static class HashText
{
    public static string AsHex(this byte[] hash) => Convert.ToHexString(hash);
}
