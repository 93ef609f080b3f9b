using System;
using System.IO;
using NotionPS.Errors;
using NotionPS.Operations.Files;
using Xunit;

namespace NotionPS.Tests.Errors;

/// <summary>An exception chain with the token taken out of every message: NotionPS's own in place, others copied.</summary>
public class ExceptionRedactionTests
{
    private const string Token = "secret-token";

    private static string Redact(string text) => text.Replace(Token, "***", StringComparison.Ordinal);

    [Fact]
    public void AnExceptionWithoutTheTokenIsKeptAsItIs()
    {
        var failure = new IOException("disk full", new UnauthorizedAccessException("denied"));

        Assert.Same(failure, ExceptionRedaction.Redacted(failure, Redact));
    }

    [Fact]
    public void ANotionExceptionIsRedactedInPlaceWithItsIdStackTraceAndAnInnerExceptionOfAnotherKindCopied()
    {
        var failure = Thrown(() => throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{Token}.txt'.", new FileNotFoundException($"Could not find '{Token}.txt'.", $"{Token}.txt")));
        var stackTrace = failure.StackTrace;

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Same(failure, redacted);
        Assert.Equal("No file '***.txt'.", failure.Message);
        Assert.Equal(NotionErrorIds.NotionFileNotFound, failure.ErrorId);
        Assert.Equal(stackTrace, failure.StackTrace);
        var inner = Assert.IsType<FileNotFoundException>(failure.InnerException);
        Assert.Equal("Could not find '***.txt'.", inner.Message);
        Assert.DoesNotContain(Token, failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExceptionWithoutAMessageAndInnerConstructorBecomesAPlainExceptionWithItsMessageRedacted()
    {
        var failure = new MessageOnlyException($"bad {Token}");

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Equal(typeof(Exception), redacted.GetType());
        Assert.Equal("bad ***", redacted.Message);
    }

    private static NotionException Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (NotionException ex)
        {
            return ex;
        }

        throw new InvalidOperationException("nothing was thrown");
    }

    private sealed class MessageOnlyException(string message) : Exception(message);
}
