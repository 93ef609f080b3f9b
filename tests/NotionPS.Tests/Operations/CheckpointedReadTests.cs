using System;
using System.IO;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>When Get-NotionDatabaseRow -Checkpoint moves its file on to the read's start, and when it keeps its time.</summary>
public sealed class CheckpointedReadTests : IDisposable
{
    private static readonly DateTime Before = new(2026, 1, 30, 8, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime ReadStart = new(2026, 1, 31, 9, 30, 15, DateTimeKind.Utc);

    private readonly string folder = Path.Combine(Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N"));
    private readonly string path;

    public CheckpointedReadTests()
    {
        Directory.CreateDirectory(folder);
        path = Path.Combine(folder, "rows.checkpoint");
        ReadCheckpoint.Save(path, Before);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private CheckpointedRead Read() => new(path, Before, ReadStart);

    [Fact]
    public void ACompleteReadMovesTheFileToTheReadsStart()
    {
        var read = Read();
        read.ReadBegins();
        read.ReadEnded(stop: null, limitReached: false);

        Assert.True(read.Moves);
        Assert.Equal(ReadStart, read.MoveWhenComplete(notionClockAhead: null));
        Assert.Equal(ReadStart, ReadCheckpoint.Load(path));
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(5)]
    public void TheFileGetsTheReadsStartOnNotionsClock(int minutesAhead)
    {
        // Edit times are Notion's: with this machine's clock ahead of Notion's, its own time would pass over edits made after the read began.
        var read = Read();
        read.ReadBegins();
        read.ReadEnded(stop: null, limitReached: false);

        var onNotionsClock = ReadStart.AddMinutes(minutesAhead);
        Assert.Equal(onNotionsClock, read.MoveWhenComplete(TimeSpan.FromMinutes(minutesAhead)));
        Assert.Equal(onNotionsClock, ReadCheckpoint.Load(path));
    }

    [Fact]
    public void WithoutAnyReadTheFileIsLeftAlone()
    {
        var read = Read();

        Assert.False(read.Started);
        Assert.Null(read.MoveWhenComplete(notionClockAhead: null));
        Assert.Equal(Before, ReadCheckpoint.Load(path));
    }

    [Fact]
    public void AReadStoppedAtNotionsCapKeepsTheFilesTime() =>
        AssertKept(read => read.ReadEnded(new QueryStop(QueryStopReason.CustomSortAtCap, null), limitReached: false));

    [Fact]
    public void AReadEndedByALimitOnItsRowsKeepsTheFilesTime() =>
        AssertKept(read => read.ReadEnded(stop: null, limitReached: true));

    [Fact]
    public void OneFailedReadAmongCompleteOnesKeepsTheFilesTime() =>
        AssertKept(read =>
        {
            read.ReadEnded(stop: null, limitReached: false);
            read.ReadBegins();
            read.ReadFellShort();
            read.ReadBegins();
            read.ReadEnded(stop: null, limitReached: false);
        });

    [Fact]
    public void OpeningReadsTheFilesInstantAndTakesTheStartBeforehand()
    {
        var earliest = DateTime.UtcNow;
        var read = CheckpointedRead.Open(path);

        Assert.Equal(Before, read.Since);
        Assert.InRange(read.ReadStart, earliest, DateTime.UtcNow);
        Assert.Null(CheckpointedRead.Open(Path.Combine(folder, "none.checkpoint")).Since);
    }

    private void AssertKept(Action<CheckpointedRead> reads)
    {
        var read = Read();
        read.ReadBegins();
        reads(read);

        Assert.True(read.Started);
        Assert.False(read.Moves);
        Assert.Null(read.MoveWhenComplete(TimeSpan.FromMinutes(1)));
        Assert.Equal(Before, ReadCheckpoint.Load(path));
    }
}
