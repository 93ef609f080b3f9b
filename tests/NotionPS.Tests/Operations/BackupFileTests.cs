using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using NotionPS.Errors;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>
/// A JSON backup read back: checked whole before any row (every error of a file that is not a backup, as when it was
/// read at once), then its rows read one at a time from the file, so memory does not grow with its size.
/// </summary>
public sealed class BackupFileTests
{
    private const string Start = """{"format":"NotionPS.DatabaseExport","formatVersion":1,"title":"Tasks","columns":[{"name":"Name","id":"title","type":"title","definition":{"id":"title","type":"title","title":{}}}],""";

    [Fact]
    public void ReadsTheTitleColumnsAndEachRow()
    {
        using var backup = BackupFile.Read(Text(Backup(3)), "rows.json");

        Assert.Equal("Tasks", backup.Title);
        Assert.Equal(("Name", "title", "title"), (backup.Columns[0].Name, backup.Columns[0].Id, backup.Columns[0].Type));
        Assert.Equal("title", backup.Columns[0].Definition.GetProperty("type").GetString());
        Assert.Equal(3, backup.RowCount);
        Assert.Equal(["Row 1", "Row 2", "Row 3"], backup.ReadRows().Select(row => row.GetProperty("cells").GetProperty("Name").GetString()));
    }

    /// <summary>
    /// When the first row is handed out, the file has been read again only a buffer's worth past it, and a row's JSON is
    /// gone once the next is read: the rows are never all in memory. It read the whole file into one document first.
    /// </summary>
    [Fact]
    public void TheRowsAreReadFromTheFileOneAtATime()
    {
        var file = Text(Backup(20_000));
        using var backup = BackupFile.Read(file, "rows.json");

        using var rows = backup.ReadRows().GetEnumerator();
        Assert.True(rows.MoveNext());
        var positionAtFirstRow = file.Position;
        var first = rows.Current;
        Assert.Equal("Row 1", first.GetProperty("cells").GetProperty("Name").GetString());
        Assert.True(rows.MoveNext());

        Assert.True(file.Length > 2_000_000, $"the backup is {file.Length} bytes");
        Assert.True(positionAtFirstRow < 256 * 1024, $"{positionAtFirstRow} of {file.Length} bytes were read for the first row");
        Assert.Throws<ObjectDisposedException>(() => first.GetProperty("cells"));
        Assert.Equal("Row 2", rows.Current.GetProperty("cells").GetProperty("Name").GetString());
    }

    /// <summary>A row larger than the buffer is read whole: the buffer grows to fit it.</summary>
    [Fact]
    public void ARowLargerThanTheBufferIsReadWhole()
    {
        var notes = new string('x', 300_000);
        var json = Start + "\"rows\":[{\"cells\":{\"Name\":\"" + notes + "\"}},{\"cells\":{\"Name\":\"after\"}}],\"rowCount\":2}";
        using var backup = BackupFile.Read(Text(json), "rows.json");

        Assert.Equal([notes, "after"], backup.ReadRows().Select(row => row.GetProperty("cells").GetProperty("Name").GetString()));
    }

    /// <summary>
    /// A row, or a property of the file, larger than the most one value may hold is refused with the limit named; rows of
    /// that size in all are read. A value past 1 GiB ended in an OverflowException when the buffer grew.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AValueLargerThanTheLimitIsRefusedWithTheLimitNamed(bool inARow)
    {
        var large = new string('x', 10_000);
        var json = inARow
            ? Start + "\"rows\":[{\"cells\":{\"Name\":\"" + large + "\"}}],\"rowCount\":1}"
            : Start + "\"rows\":[],\"notes\":\"" + large + "\"}";

        var refused = Assert.Throws<ExportException>(() => BackupFile.Read(Text(json), "rows.json", maxValueBytes: 8192));

        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, refused.ErrorId);
        Assert.StartsWith("'rows.json' cannot be imported: it holds a value (a row, or a property of the file) of more than 8192 bytes", refused.Message, StringComparison.Ordinal);
        Assert.Contains("export the database again", refused.Message);
        using var backup = BackupFile.Read(Text(Backup(200)), "rows.json", maxValueBytes: 8192);
        Assert.Equal(200, backup.ReadRows().Count());
    }

    [Theory]
    [InlineData("", "it is not valid JSON")]
    [InlineData(Start + "\"rows\":[{\"cells\":{}}", "it is not valid JSON")]
    [InlineData(Start + "\"rows\":[],\"rowCount\":0} x", "it is not valid JSON")]
    [InlineData(Start + "\"rows\":[{\"cells\":{\"Name\":\"a\"}},],\"rowCount\":1}", "it is not valid JSON")]
    [InlineData("[{\"format\":\"NotionPS.DatabaseExport\"}]", "it has no \"format\": \"NotionPS.DatabaseExport\"")]
    [InlineData("{\"format\":\"something else\",\"formatVersion\":1,\"columns\":[],\"rows\":[]}", "it has no \"format\": \"NotionPS.DatabaseExport\"")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":2,\"columns\":[],\"rows\":[]}", "its formatVersion is not one this NotionPS reads (up to 1)")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1.5,\"columns\":[],\"rows\":[]}", "its formatVersion is not one this NotionPS reads (up to 1)")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"rows\":[]}", "it has no \"columns\" array.")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"columns\":[{\"type\":\"title\"}],\"rows\":[]}", "a column has no name.")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"columns\":[{\"name\":\"Name\"}],\"rows\":[]}", "a column has no type.")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"columns\":[]}", "it has no \"rows\" array.")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"columns\":[],\"rows\":{\"cells\":{}}}", "it has no \"rows\" array.")]
    [InlineData(Start + "\"rows\":[{\"cells\":{}}],\"rowCount\":3}", "it says 3 rows but holds 1.")]
    [InlineData(Start + "\"rows\":[],\"rows\":[]}", "it gives \"rows\" twice")]
    [InlineData(Start + "\"title\":\"a\",\"title\":\"b\",\"rows\":[]}", "it gives \"title\" twice")]
    [InlineData("{\"format\":\"NotionPS.DatabaseExport\",\"formatVersion\":1,\"columns\":[{\"name\":\"Name\",\"type\":\"title\",\"type\":\"rich_text\"}],\"rows\":[]}", "it gives \"columns[0].type\" twice")]
    public void AFileThatIsNotABackupIsRefusedBeforeAnyRow(string json, string reason)
    {
        var refused = Assert.Throws<ExportException>(() => BackupFile.Read(Text(json), "rows.json"));

        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, refused.ErrorId);
        Assert.StartsWith($"'rows.json' cannot be imported: {reason}", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>100,000 levels deep, in a row or in the header, is refused as JSON nested too deep, not a crash.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void AHundredThousandLevelsDeepIsRefusedAsNotValidJson(bool inARow)
    {
        var deep = new string('[', 100_000) + new string(']', 100_000);
        var json = inARow
            ? Start + "\"rows\":[{\"cells\":{\"Name\":" + deep + "}}],\"rowCount\":1}"
            : Start + "\"rows\":[],\"extra\":" + deep + "}";

        var refused = Assert.Throws<ExportException>(() => BackupFile.Read(Text(json), "rows.json"));

        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, refused.ErrorId);
        Assert.Contains("it is not valid JSON", refused.Message);
        Assert.Contains("depth", refused.Message);
    }

    /// <summary>A byte order mark and a lone surrogate escape are read as before.</summary>
    [Fact]
    public void AByteOrderMarkAndALoneSurrogateAreRead()
    {
        var json = Start + "\"rowCount\":2,\"rows\":[{\"cells\":{\"Name\":\"a\\ud800b\"}},{\"cells\":{\"Name\":\"c\"}}]}";
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(json)).ToArray();

        using var backup = BackupFile.Read(new MemoryStream(bytes), "rows.json");

        Assert.Equal(["a\ufffdb", "c"], backup.ReadRows().Select(row => row.GetProperty("cells").GetProperty("Name").GetString()));
    }

    /// <summary>A file cut short after it was checked: the rows before the cut are read, then an error that says so.</summary>
    [Fact]
    public void AFileThatChangesAfterItWasCheckedStopsWithAClearError()
    {
        var file = Text(Backup(3));
        using var backup = BackupFile.Read(file, "rows.json");
        var text = Encoding.UTF8.GetString(file.ToArray());
        file.SetLength(text.IndexOf("Row 3", StringComparison.Ordinal));

        var read = 0;
        var changed = Assert.Throws<ExportException>(() =>
        {
            foreach (var _ in backup.ReadRows())
            {
                read++;
            }
        });

        Assert.Equal(2, read);
        Assert.Equal(NotionErrorIds.NotionImportFileInvalid, changed.ErrorId);
        Assert.Contains("it changed while it was imported", changed.Message);
    }

    [Fact]
    public void AStreamThatCannotSeekIsAProgrammingError() =>
        Assert.Throws<ArgumentException>(() => BackupFile.Read(new UnseekableStream(Encoding.UTF8.GetBytes(Backup(1))), "rows.json"));

    private static MemoryStream Text(string json) => new MemoryStream(Encoding.UTF8.GetBytes(json));

    private static string Backup(int rows)
    {
        var text = new StringBuilder(Start).Append("\"rows\":[\n");
        for (var i = 1; i <= rows; i++)
        {
            text.Append("  {\"pageId\":\"").Append(Guid.NewGuid()).Append("\",\"createdTime\":\"2026-11-01T10:00:00.000Z\",\"lastEditedTime\":null,\"cells\":{\"Name\":\"Row ")
                .Append(i).Append("\",\"Notes\":\"Some notes about this row, long enough to make a file of a few megabytes.\",\"Count\":").Append(i).Append("}}")
                .Append(i < rows ? ",\n" : "\n");
        }

        return text.Append($"],\"rowCount\":{rows}}}").ToString();
    }

    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
