using System;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using NotionPS.Rows;
using Xunit;

namespace NotionPS.Tests.Operations.Files;

/// <summary>Safe download names, the checks a local file passes before it is sent, and files cells as values.</summary>
public sealed class FileNamesAndChecksTests : IDisposable
{
    private readonly string folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "notionps-files-" + Guid.NewGuid().ToString("N"))).FullName;

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("a<b>c:d\"e|f?g*h.txt", "a_b_c_d_e_f_g_h.txt")]
    [InlineData("../../etc/passwd", "_.._etc_passwd")]
    [InlineData("..\\..\\windows\\win.ini", "_.._windows_win.ini")]
    [InlineData("trailing. . .", "trailing")]
    [InlineData("CON", "_CON")]
    [InlineData("nul.txt", "_nul.txt")]
    [InlineData("Com1.tar.gz", "_Com1.tar.gz")]
    [InlineData("LPT²", "_LPT²")]
    [InlineData("console.txt", "console.txt")]
    [InlineData("", "file")]
    [InlineData("..", "file")]
    [InlineData("tab\there\u0001.txt", "tab_here_.txt")]
    [InlineData("COM0.txt", "_COM0.txt")]
    [InlineData("lpt0", "_lpt0")]
    [InlineData("CON .txt", "_CON .txt")]
    [InlineData("del\u007Fnext\u0085line.txt", "del_next_line.txt")]
    [InlineData("invoice\u202Efdp.exe", "invoice_fdp.exe")]
    [InlineData("a\u2028b\u200Fc\u2066d", "a_b_c_d")]
    [InlineData(".zshenv", "file.zshenv")]
    [InlineData(". .gitconfig", "file.gitconfig")]
    [InlineData(".env.txt", "env.txt")]
    [InlineData("...", "file")]
    [InlineData(".nul.txt", "_nul.txt")]
    [InlineData(".pdf", "file.pdf")]
    [InlineData("..PDF", "file.PDF")]
    [InlineData(" .png. ", "file.png")]
    public void NamesAreMadeSafeForEveryOs(string name, string expected) => Assert.Equal(expected, SafeFileNames.Safe(name));

    [Fact]
    public void ALongNameIsShortenedKeepingItsExtensionAndWholeCharacters()
    {
        var safe = SafeFileNames.Safe(string.Concat(Enumerable.Repeat("😀", 200)) + ".pdf");

        Assert.EndsWith(".pdf", safe, StringComparison.Ordinal);
        Assert.True(Encoding.UTF8.GetByteCount(safe) <= SafeFileNames.MaxNameBytes);
        Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(safe)));
    }

    /// <summary>
    /// Half of a surrogate pair is no character: Linux and macOS write it as U+FFFD, so two such names would be one file
    /// there, and Windows keeps it as a name no other system can copy.
    /// </summary>
    [Fact]
    public void AHalfCharacterIsReplacedAndTwoNamesWithOneAreStillTwoFiles()
    {
        var names = new SafeFileNames();

        Assert.Equal("a_b.txt", SafeFileNames.Safe("a\uD800b.txt"));
        Assert.Equal("x_😀.txt", SafeFileNames.Safe("x\uDE00😀.txt"));
        Assert.Equal(new[] { "a_.txt", "a_ (2).txt" }, new[] { "a\uD800.txt", "a\uDBFF.txt" }.Select(names.Unique));
    }

    /// <summary>"é" is one character or "e" and a combining accent: macOS takes both as one name, so they are written one way (NFC).</summary>
    [Fact]
    public void NamesAreComposedAndUniqueWhateverTheirUnicodeForm()
    {
        var names = new SafeFileNames();

        Assert.Equal("\u00E9t\u00E9.txt", SafeFileNames.Safe("e\u0301te\u0301.txt"));
        Assert.Equal(new[] { "\u00E9t\u00E9.txt", "\u00C9T\u00C9 (2).TXT" }, new[] { "e\u0301te\u0301.txt", "\u00C9T\u00C9.TXT" }.Select(names.Unique));
    }

    /// <summary>
    /// A name that is only a dot and an extension keeps the extension after a base name (the upload API refuses a file
    /// without one, so a backup's saved "pdf" could not be uploaded again), and is unique beside a file of that name.
    /// </summary>
    [Fact]
    public void ANameThatIsOnlyAnExtensionKeepsItAfterABaseNameThatTheUploadTakes()
    {
        var names = new SafeFileNames();
        var saved = LocalFile.Check(Write(SafeFileNames.Safe(".pdf"), 3), null, null);

        Assert.Equal(new[] { "file.pdf", "file (2).pdf", "file (3).PDF" }, new[] { ".pdf", "file.pdf", ".PDF" }.Select(names.Unique));
        Assert.Equal(("file.pdf", "application/pdf"), (saved.Name, saved.ContentType));
    }

    /// <summary>A folder has no extension: a title that starts with a dot loses the dot only, and a second one is numbered at its end.</summary>
    [Fact]
    public void FolderNamesKeepNoExtensionApart()
    {
        var folders = SafeFileNames.ForFolders();

        Assert.Equal(new[] { "env 1a2b3c4d", "v1.2 1a2b3c4d", "V1.2 1a2b3c4d (2)" }, new[] { ".env 1a2b3c4d", "v1.2 1a2b3c4d", "V1.2 1a2b3c4d" }.Select(folders.Unique));
    }

    [Fact]
    public void NamesAreUniqueIgnoringCase()
    {
        var names = new SafeFileNames();

        Assert.Equal(
            new[] { "Report.pdf", "report (2).pdf", "REPORT (3).PDF", "notes", "NOTES (2)" },
            new[] { "Report.pdf", "report.pdf", "REPORT.PDF", "notes", "NOTES" }.Select(names.Unique));
    }

    [Fact]
    public void ALocalFileTakesItsTypeFromItsExtension()
    {
        var file = LocalFile.Check(Write("shot.PNG", 10), null, null);

        Assert.Equal(("shot.PNG", "image/png", 10L), (file.Name, file.ContentType, file.Size));
    }

    [Fact]
    public void ANameWithoutExtensionGetsTheContentTypesOne()
    {
        var file = LocalFile.Check(Write("a.log", 3), "build output", "text/plain; charset=utf-8");

        Assert.Equal(("build output.txt", "text/plain"), (file.Name, file.ContentType));
    }

    [Theory]
    [InlineData("archive.zip", null, null, NotionErrorIds.NotionFileNameRefused)]
    [InlineData("noextension", null, null, NotionErrorIds.NotionFileNameRefused)]
    [InlineData("a.txt", "report.zip", null, NotionErrorIds.NotionFileNameRefused)]
    [InlineData("a.txt", null, "application/zip", NotionErrorIds.NotionFileTypeRefused)]
    [InlineData("a.png", null, "text/plain", NotionErrorIds.NotionFileTypeRefused)]
    public void NamesAndTypesNotionRefusesAreRefusedBeforeSending(string fileName, string? name, string? contentType, string errorId)
    {
        var path = Write(fileName, 5);

        Assert.Equal(errorId, Assert.Throws<NotionFileException>(() => LocalFile.Check(path, name, contentType)).ErrorId);
    }

    /// <summary>
    /// A name of only white space is refused, not replaced by the file's own; one with a control character, a bidi override
    /// or isolate, or a line or paragraph separator (what SafeFileNames replaces in a name written to disk) is refused too.
    /// </summary>
    [Theory]
    [InlineData(" \t ", "only white space")]
    [InlineData("\u00A0\u3000", "only white space")]
    [InlineData("re\nport.txt", "control character")]
    [InlineData("report\u0000.txt", "control character")]
    [InlineData("\u001B[31mreport.txt", "control character")]
    [InlineData("report\u007F.txt", "control character")]
    [InlineData("report\u202Etxt.pdf", "U+202E")]
    [InlineData("report\u2028.txt", "U+2028")]
    [InlineData("\u2066report.txt", "U+2066")]
    public void ANameOfWhiteSpaceOrWithControlCharactersIsRefused(string name, string why)
    {
        var path = Write("a.txt", 5);

        var refused = Assert.Throws<NotionFileException>(() => LocalFile.Check(path, name, null));

        Assert.Equal(NotionErrorIds.NotionFileNameRefused, refused.ErrorId);
        Assert.Contains(why, refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Message, character => char.IsControl(character));
    }

    [Fact]
    public void ANameOver900BytesIsRefused()
    {
        var path = Write("a.txt", 5);

        var refused = Assert.Throws<NotionFileException>(() => LocalFile.Check(path, new string('é', 449) + ".txt", null));

        Assert.Equal(NotionErrorIds.NotionFileNameRefused, refused.ErrorId);
        Assert.Contains("902 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileAFolderAndAnEmptyFileAreRefused()
    {
        Assert.Equal(NotionErrorIds.NotionFileNotFound, Assert.Throws<NotionFileException>(() => LocalFile.Check(Path.Combine(folder, "gone.txt"), null, null)).ErrorId);
        Assert.Equal(NotionErrorIds.NotionFileNotFound, Assert.Throws<NotionFileException>(() => LocalFile.Check(folder, null, null)).ErrorId);
        Assert.Equal(NotionErrorIds.NotionFileEmpty, Assert.Throws<NotionFileException>(() => LocalFile.Check(Write("empty.txt", 0), null, null)).ErrorId);
    }

    /// <summary>
    /// A file that cannot be opened: held exclusively on Windows; elsewhere a Unix socket, which no one can open as a
    /// file, root included, and which is now refused as a socket before it is opened (fix-files, audit finding 5).
    /// </summary>
    [Fact]
    public void AnUnreadableFileIsRefused()
    {
        var path = Path.Combine(folder, "held.txt");
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            using var held = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
            Assert.Equal(NotionErrorIds.NotionFileUnreadable, Assert.Throws<NotionFileException>(() => LocalFile.Check(path, null, null)).ErrorId);
            return;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        var refused = Assert.Throws<NotionFileException>(() => LocalFile.Check(path, null, null));
        Assert.Equal(NotionErrorIds.NotionFileNotRegular, refused.ErrorId);
        Assert.Contains("is a socket, not a file", refused.Message);
    }

    [Fact]
    public void ASymbolicLinkIsRefusedWhereverItPointsAndControlCharactersInAPathAreShownEscaped()
    {
        var target = Write("target.txt", 3);
        var link = Path.Combine(folder, "link.txt");
        File.CreateSymbolicLink(link, target);

        var linked = Assert.Throws<NotionFileException>(() => LocalFile.Check(link, null, null));
        var missing = Assert.Throws<NotionFileException>(() => LocalFile.Check(Path.Combine(folder, "x\u001b[2J\u0007.txt"), null, null));

        Assert.Equal(NotionErrorIds.NotionFileNotRegular, linked.ErrorId);
        Assert.Contains("is a symbolic link or junction, which can point anywhere", linked.Message);
        Assert.Equal(3, LocalFile.Check(target, null, null).Size);
        Assert.Equal(NotionErrorIds.NotionFileNotFound, missing.ErrorId);
        Assert.Contains("x\\u001B[2J\\u0007.txt", missing.Message);
        Assert.DoesNotContain('\u001b', missing.Message);
    }

    [Fact]
    public void AFilesCellTakesUrlsUploadsAndLocalFiles()
    {
        var upload = new NotionFileUpload("3f0a4f6e-1111-4222-8333-444455556666", "up.pdf", 3, "application/pdf", "uploaded", null);
        var local = Write("local.txt", 3);
        Write("relative.txt", 5);
        var writing = new FileCellWriting(path => Path.Combine(folder, path));
        var value = new object[]
        {
            "https://example.com/files/budget%202025.xlsx?sig=1",
            upload,
            new FileInfo(local),
            "relative.txt",
        };

        var cell = PropertyWriter.ToPropertyValue("Attachments", "files", value, RowSource.Given, writing)["files"]!.AsArray();

        Assert.Equal("budget 2025.xlsx", (string?)cell[0]!["name"]);
        Assert.Equal("external", (string?)cell[0]!["type"]);
        Assert.Equal(upload.Id, (string?)cell[1]!["file_upload"]!["id"]);
        Assert.Equal(
            new[] { (PendingFileKind.CheckUpload, upload.Id), (PendingFileKind.Upload, local), (PendingFileKind.Upload, Path.Combine(folder, "relative.txt")) },
            writing.Pending.Select(pending => (pending.Kind, pending.Source)));
        Assert.Equal(new long?[] { null, 3, 5 }, writing.Pending.Select(pending => pending.File?.Size));
    }

    /// <summary>
    /// A local file is checked once, when its cell is read (so -WhatIf lists it and the upload sends what was listed), and
    /// every failure of that check names the column, as the other files-cell errors do (review F7).
    /// </summary>
    [Fact]
    public void AFilesCellChecksItsLocalFilesWhenReadAndTheirErrorsNameTheColumn()
    {
        var writing = new FileCellWriting(path => Path.Combine(folder, path));

        var missing = Assert.Throws<NotionFileException>(() => PropertyWriter.ToPropertyValue("Receipts", "files", "gone.txt", RowSource.Given, writing));
        var missingObject = Assert.Throws<NotionFileException>(() => PropertyWriter.ToPropertyValue("Receipts", "files", new FileInfo(Path.Combine(folder, "gone.pdf")), RowSource.Given, writing));
        var empty = Assert.Throws<NotionFileException>(() => PropertyWriter.ToPropertyValue("Receipts", "files", new FileInfo(Write("empty.txt", 0)), RowSource.Given, writing));

        Assert.Equal(NotionErrorIds.NotionFileNotFound, missing.ErrorId);
        Assert.StartsWith($"Column 'Receipts': No file '{Path.Combine(folder, "gone.txt")}'", missing.Message, StringComparison.Ordinal);
        Assert.Equal(NotionErrorIds.NotionFileNotFound, missingObject.ErrorId);
        Assert.StartsWith("Column 'Receipts': No file", missingObject.Message, StringComparison.Ordinal);
        Assert.Equal(NotionErrorIds.NotionFileEmpty, empty.ErrorId);
        Assert.StartsWith("Column 'Receipts': ", empty.Message, StringComparison.Ordinal);
        Assert.Empty(writing.Pending);
    }

    /// <summary>A hashtable in a files cell is told what a files cell takes, not to pick one of its properties (review F7).</summary>
    [Fact]
    public void AHashtableInAFilesCellIsToldWhatAFileIs()
    {
        var writing = new FileCellWriting(path => Path.Combine(folder, path));

        var refused = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Receipts", "files", new System.Collections.Hashtable { ["url"] = "https://example.com/a.pdf" }, RowSource.Given, writing));

        Assert.StartsWith("Column 'Receipts' (files) cannot take a hashtable or object: a hashtable or object is not a file. Give each file as an http(s) URL, a file object (Get-Item <path>)", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("$item.Name", refused.Message);
    }

    /// <summary>A path of 6,000 characters is named once in the message, shortened to its start and end (review F7).</summary>
    [Fact]
    public void AVeryLongPathIsNamedOnceShortened()
    {
        var path = Path.Combine(folder, new string('a', 6000) + ".txt");

        var refused = Assert.Throws<NotionFileException>(() => LocalFile.Check(path, null, null));

        Assert.Single(refused.Message.Split(path.Substring(0, 100)).Skip(1));
        Assert.Contains("a.txt (" + path.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " characters)", refused.Message);
        Assert.True(refused.Message.Length < 600, refused.Message);
    }

    [Fact]
    public void ARowsUrlsMayBeNotionHostedAndAreLeftToCheck()
    {
        var writing = new FileCellWriting(path => path);

        PropertyWriter.ToPropertyValue("Attachments", "files", "https://files.test/a.pdf; https://files.test/b.pdf", RowSource.NotionRow, writing);

        Assert.Equal(new[] { PendingFileKind.CopyIfHosted, PendingFileKind.CopyIfHosted }, writing.Pending.Select(pending => pending.Kind));
    }

    [Fact]
    public void WithoutAWayToUploadALocalFileIsRefused()
    {
        var refused = Assert.Throws<RowValueException>(() => PropertyWriter.ToPropertyValue("Attachments", "files", new FileInfo(Write("a.txt", 1)), RowSource.Given));

        Assert.Equal(NotionErrorIds.NotionRowValueInvalid, refused.ErrorId);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, int length)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, new byte[length]);
        return path;
    }
}
