using System;
using System.IO;
using System.Linq;
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
    public void TheDataSourcesOfADataSourceChoiceComeBackWithTheirNamesRedacted()
    {
        using var database = System.Text.Json.JsonDocument.Parse("""{"object":"database","id":"db1","title":[],"data_sources":[{"id":"ds-a","name":"Notes secret-token"},{"id":"ds-b","name":"Other"}]}""");
        var failure = NotionPS.Operations.DataSourceChoiceException.ForDatabase(NotionPS.Client.DatabaseInfo.From(database.RootElement, "2025-09-03"));

        ExceptionRedaction.Redacted(failure, Redact);

        Assert.Equal(new[] { "Notes ***", "Other" }, failure.DataSources.Select(source => source.Name));
        Assert.Equal(new[] { "ds-a", "ds-b" }, failure.DataSources.Select(source => source.Id));
        Assert.DoesNotContain(Token, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExceptionWithoutTheTokenIsKeptAsItIs()
    {
        var failure = new IOException("disk full", new UnauthorizedAccessException("denied"));

        Assert.Same(failure, ExceptionRedaction.Redacted(failure, Redact));
    }

    [Fact]
    public void ANotionExceptionWhoseInnerExceptionIsCleanIsRedactedInPlace()
    {
        var failure = Thrown(() => throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{Token}.txt'.", new IOException("disk full")));
        var inner = failure.InnerException;

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Same(failure, redacted);
        Assert.Equal("No file '***.txt'.", failure.Message);
        Assert.Same(inner, failure.InnerException);
    }

    /// <summary>
    /// Changed by this review: the NotionException was kept and its inner exception written into Exception's private
    /// field, which left the token in place wherever that field is named otherwise. Now a NotionException stands in for it.
    /// </summary>
    [Fact]
    public void ANotionExceptionWhoseInnerExceptionQuotesTheTokenIsStoodInForWithItsIdMessageStackTraceAndTheInnerCopied()
    {
        var failure = Thrown(() => throw new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{Token}.txt'.", new FileNotFoundException($"Could not find '{Token}.txt'.", $"{Token}.txt")));
        var stackTrace = failure.StackTrace;

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        var standIn = Assert.IsType<RedactedNotionException>(redacted);
        Assert.Equal("No file '***.txt'.", standIn.Message);
        Assert.Equal(NotionErrorIds.NotionFileNotFound, standIn.ErrorId);
        Assert.Equal(typeof(NotionFileException).FullName, standIn.OriginalType);
        Assert.Equal(stackTrace, standIn.StackTrace);
        Assert.Contains(stackTrace!, standIn.ToString(), StringComparison.Ordinal);
        var inner = Assert.IsType<FileNotFoundException>(standIn.InnerException);
        Assert.Equal("Could not find '***.txt'.", inner.Message);
        Assert.DoesNotContain(Token, standIn.ToString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// Changed by this review: a NotionApiException, the public failure scripts catch by type, was stood in for by a
    /// RedactedNotionException, so <c>catch [NotionPS.Client.NotionApiException]</c> no longer matched. Now it is re-created as itself.
    /// </summary>
    [Fact]
    public void ANotionApiExceptionWhoseInnerExceptionQuotesTheTokenIsReCreatedAsItselfWithItsFactsAndStackTrace()
    {
        var answer = Thrown(() => throw new NotionPS.Client.NotionApiException(0, $"{Token}_code", "refused", null, "GET", $"v1/pages/{Token}", new IOException($"reset by {Token}")));
        var stackTrace = answer.StackTrace;

        var redacted = Assert.IsType<NotionPS.Client.NotionApiException>(ExceptionRedaction.Redacted(answer, Redact));

        Assert.NotSame(answer, redacted);
        Assert.Equal("***_code", redacted.NotionCode);
        Assert.Equal(answer.ErrorId, redacted.ErrorId);
        Assert.Equal((0, "refused", "GET", "v1/pages/***"), (redacted.Status, redacted.ApiMessage, redacted.Method, redacted.Path));
        Assert.Equal(answer.Message, redacted.Message);
        Assert.Equal(stackTrace, redacted.StackTrace);
        Assert.Equal("reset by ***", Assert.IsType<IOException>(redacted.InnerException).Message);
        Assert.DoesNotContain(Token, redacted.ToString(), StringComparison.Ordinal);
        Assert.Same(redacted, ExceptionRedaction.Redacted(redacted, Redact));
    }

    [Fact]
    public void AStandInKeepsTheNotionCodeOfTheFailureItStandsFor()
    {
        var refusal = new NotionPS.Client.NotionApiException(0, "connection_failure", "refused", null, "GET", "v1/data_sources/x", new IOException($"reset by {Token}"));
        var failure = NotionPS.Operations.Schema.SchemaException.UnknownRelationTarget("Owner", "x", refusal);

        var standIn = Assert.IsType<RedactedNotionException>(ExceptionRedaction.Redacted(failure, Redact));

        Assert.Equal("connection_failure", standIn.NotionCode);
        Assert.Equal(failure.ErrorId, standIn.ErrorId);
        Assert.Equal("reset by ***", Assert.IsType<NotionPS.Client.NotionApiException>(standIn.InnerException).InnerException!.Message);
        Assert.Same(standIn, ExceptionRedaction.Redacted(standIn, Redact));
    }

    [Fact]
    public void ANotionExceptionRedactedForTwoConnectionsTakesOutBothTokens()
    {
        var failure = new NotionFileException(NotionErrorIds.NotionFileNotFound, $"No file '{Token}' nor 'other-token'.");

        ExceptionRedaction.Redacted(failure, Redact);
        ExceptionRedaction.Redacted(failure, text => text.Replace("other-token", "***", StringComparison.Ordinal));

        Assert.Equal("No file '***' nor '***'.", failure.Message);
    }

    [Fact]
    public void AnAggregateExceptionWhoseConstructorRefusesANullInnerBecomesAPlainExceptionWithItsMessageRedacted()
    {
        var failure = new AggregateException($"bad {Token}");

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Equal(typeof(Exception), redacted.GetType());
        Assert.Equal("bad ***", redacted.Message);
    }

    [Fact]
    public void AnAggregateExceptionWithAnInnerExceptionIsCopiedAsOneWithBothRedacted()
    {
        var failure = new AggregateException($"bad {Token}", new IOException($"also {Token}"));

        var redacted = Assert.IsType<AggregateException>(ExceptionRedaction.Redacted(failure, Redact));

        Assert.Equal("also ***", Assert.IsType<IOException>(redacted.InnerException).Message);
        Assert.DoesNotContain(Token, redacted.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnExceptionWhoseToStringThrowsIsCopiedUnreadAsAPlainExceptionWithItsMessageRedacted()
    {
        var failure = new UnprintableException($"bad {Token}", new IOException($"also {Token}"));

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Equal(typeof(Exception), redacted.GetType());
        Assert.Equal("bad ***", redacted.Message);
        Assert.Equal("also ***", Assert.IsType<IOException>(redacted.InnerException).Message);
    }

    [Fact]
    public void AnExceptionWhoseMessageAndToStringThrowIsReplacedByOneNamingItsType()
    {
        var failure = new UnreadableException();

        var redacted = ExceptionRedaction.Redacted(failure, Redact);

        Assert.Equal(typeof(Exception), redacted.GetType());
        Assert.Equal(typeof(UnreadableException).FullName, redacted.Message);
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

    /// <summary>An exception of a foreign type whose ToString fails, as an override may.</summary>
    private sealed class UnprintableException(string message, Exception inner) : Exception(message, inner)
    {
        public override string ToString() => throw new InvalidOperationException("cannot print");
    }

    private sealed class UnreadableException : Exception
    {
        public override string Message => throw new InvalidOperationException("cannot read");

        public override string ToString() => throw new InvalidOperationException("cannot print");
    }
}
