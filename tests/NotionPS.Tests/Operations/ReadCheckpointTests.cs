using System;
using System.IO;
using NotionPS.Errors;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>The checkpoint file of Get-NotionDatabaseRow -Checkpoint, and the minute a "since" query starts at.</summary>
public sealed class ReadCheckpointTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N"));

    public ReadCheckpointTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void NoFileIsNoCheckpointAndASavedInstantLoadsBackToTheTickWithNoTemporaryFileLeft()
    {
        var path = Path.Combine(folder, "rows.checkpoint");
        var instant = new DateTime(2026, 1, 31, 9, 30, 15, DateTimeKind.Utc).AddTicks(1234567);

        Assert.Null(ReadCheckpoint.Load(path));
        ReadCheckpoint.Save(path, instant.AddDays(-1));
        ReadCheckpoint.Save(path, instant);

        Assert.Equal(instant, ReadCheckpoint.Load(path));
        Assert.Equal(DateTimeKind.Utc, ReadCheckpoint.Load(path)!.Value.Kind);
        Assert.Equal(new[] { path }, Directory.GetFiles(folder));
    }

    [Theory]
    [InlineData("2026-01-31T11:30:00+02:00", "2026-01-31T09:30:00Z")]
    [InlineData(" 2026-01-31T09:30Z\n", "2026-01-31T09:30:00Z")]
    public void AHandWrittenTimeWithAZoneIsRead(string text, string expected)
    {
        var path = Path.Combine(folder, "hand.checkpoint");
        File.WriteAllText(path, text);

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), ReadCheckpoint.Load(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-01-31T09:30:00")]
    [InlineData("2026-13-31T09:30:00Z")]
    public void AFileWithoutATimeAndZoneIsInvalid(string text)
    {
        var path = Path.Combine(folder, "bad.checkpoint");
        File.WriteAllText(path, text);

        var error = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Load(path));

        Assert.Equal(NotionErrorIds.NotionCheckpointInvalid, error.ErrorId);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFolderThatDoesNotExistCannotBeWritten()
    {
        var path = Path.Combine(folder, "missing", "rows.checkpoint");

        var error = Assert.Throws<CheckpointException>(() => ReadCheckpoint.Save(path, DateTime.UtcNow));

        Assert.Equal(NotionErrorIds.NotionCheckpointWriteFailed, error.ErrorId);
    }

    [Theory]
    [InlineData("2026-01-31T09:30:42.500Z", "2026-01-31T09:30:00.000Z")]
    [InlineData("2026-01-31T09:30:00.000Z", "2026-01-31T09:30:00.000Z")]
    [InlineData("2026-01-31T11:30:59+02:00", "2026-01-31T09:30:00.000Z")]
    public void SinceStartsAtTheStartOfTheMinute(string since, string expected)
    {
        var time = DateTimeOffset.Parse(since, System.Globalization.CultureInfo.InvariantCulture).UtcDateTime;

        var condition = RowQuery.Since("last_edited_time", time);

        Assert.Equal("last_edited_time", (string?)condition["timestamp"]);
        Assert.Equal(expected, (string?)condition["last_edited_time"]!["on_or_after"]);
    }
}
