using System;
using System.Management.Automation;
using NotionPS.Client;
using NotionPS.Cmdlets;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>The one ErrorRecord factory: id and category from the table, the input as target, the remedy by facts.</summary>
public class NotionErrorRecordsTests
{
    private const string Target = "https://www.notion.so/acme/Tasks-0123456789abcdef0123456789abcdef";

    [Fact]
    public void NotionsAnswerKeepsItsMessageAndTheRemedyIsTheRecommendedAction()
    {
        var failure = Failure(404, "object_not_found");

        var record = NotionErrorRecords.From(failure, Target, new RemedyFacts(integrationName: "Acme sync"));

        Assert.Equal(("NotionObjectNotFound", ErrorCategory.ObjectNotFound), (record.FullyQualifiedErrorId, record.CategoryInfo.Category));
        Assert.Same(failure, record.Exception);
        Assert.Equal(Target, record.TargetObject);
        Assert.Equal(failure.Message, record.ErrorDetails.Message);
        Assert.Contains("select \"Acme sync\"", record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void AFailureWithoutAnAnswerSaysWhatToDoInItsMessageToo()
    {
        var failure = Failure(0, "rate_limited");

        var record = NotionErrorRecords.From(failure, Target);

        Assert.Equal(failure.Message + " " + Remedies.RateLimited, record.ErrorDetails.Message);
        Assert.Equal(Remedies.RateLimited, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void AFailureWithNoRemedyHasNoRecommendedAction()
    {
        var failure = Failure(409, "conflict_error");

        var record = NotionErrorRecords.From(failure, Target);

        Assert.Equal(("NotionConflict", ErrorCategory.ResourceBusy), (record.FullyQualifiedErrorId, record.CategoryInfo.Category));
        Assert.Equal(failure.Message, record.ErrorDetails.Message);
        Assert.Equal(string.Empty, record.ErrorDetails.RecommendedAction); // PowerShell reads an unset action as empty
    }

    [Theory]
    [InlineData(0, "connection_failure")]
    [InlineData(503, "service_unavailable")]
    public void AFailedCreateThatMayHaveReachedNotionSaysHowToRerunIt(int status, string code)
    {
        var answer = Failure(status, code);

        var record = NotionErrorRecords.ForRow(new NotionPS.Operations.RowMayExistException(answer), "Row 3", "input", wasCreate: true);

        Assert.StartsWith("Row 3: POST v1/pages", record.ErrorDetails.Message);
        Assert.Equal(RowRemedies.MayExist, record.ErrorDetails.RecommendedAction);
        Assert.Same(answer, record.Exception);
        Assert.Equal(answer.ErrorId, record.FullyQualifiedErrorId);
        Assert.Equal("input", record.TargetObject);
    }

    /// <summary>
    /// The same answer to another request of a row that may be added (its -MatchOn query) is not a create that may have
    /// reached Notion: its remedy is the answer's own.
    /// </summary>
    [Theory]
    [InlineData(0, "connection_failure")]
    [InlineData(503, "service_unavailable")]
    public void AnotherRequestOfARowThatMayBeAddedFailingSoDoesNotSayTheRowMayExist(int status, string code)
    {
        var record = NotionErrorRecords.ForRow(Failure(status, code), "Row 3", "input", wasCreate: true);

        Assert.NotEqual(RowRemedies.MayExist, record.ErrorDetails.RecommendedAction);
    }

    /// <summary>
    /// A row added whose reading back failed exists: the record is the read's failure (its id, its exception), its message
    /// says the row was added and on which page, and its remedy never says to add it again nor that it may exist.
    /// </summary>
    [Theory]
    [InlineData(0, "connection_failure")]
    [InlineData(503, "service_unavailable")]
    public void ARowAddedButNotReadBackSaysItWasAddedAndNotToAddItAgain(int status, string code)
    {
        var read = Failure(status, code);

        var record = NotionErrorRecords.ForRow(new NotionPS.Operations.RowAddedUnreadException("p-1", read), "Row 3", "input", wasCreate: true);

        Assert.Equal("Row 3 was added (page p-1), but reading it back failed: " + read.Message + " " + RowRemedies.AddedUnread, record.ErrorDetails.Message);
        Assert.Equal(RowRemedies.AddedUnread, record.ErrorDetails.RecommendedAction);
        Assert.Same(read, record.Exception);
        Assert.Equal(read.ErrorId, record.FullyQualifiedErrorId);
        Assert.Equal("input", record.TargetObject);
    }

    /// <summary>
    /// A 5xx or no answer while a row's file was being prepared: the row's request was never sent, so the record keeps the
    /// cause's id and remedy and says that nothing of the row was written, never that it may exist.
    /// </summary>
    [Theory]
    [InlineData(0, "connection_failure", true, "Nothing of this row was written, so adding it again cannot make a duplicate")]
    [InlineData(503, "service_unavailable", true, "Nothing of this row was written, so adding it again cannot make a duplicate")]
    [InlineData(503, "service_unavailable", false, "Nothing of this row was changed")]
    public void AFileThatFailedBeforeTheRowWasSentSaysNothingOfTheRowWasWritten(int status, string code, bool wasCreate, string told)
    {
        var cause = Failure(status, code);
        var failure = new NotionPS.Operations.Files.RowFilesException("The upload of 'a.txt' (column 'Files') failed, so the row was not sent:", cause);

        var record = NotionErrorRecords.ForRow(failure, "Row 3", "input", wasCreate);

        Assert.Equal(cause.ErrorId, record.FullyQualifiedErrorId);
        Assert.Same(cause, record.Exception);
        Assert.Equal("Row 3: The upload of 'a.txt' (column 'Files') failed, so the row was not sent: " + cause.Message + " " + record.ErrorDetails.RecommendedAction, record.ErrorDetails.Message);
        Assert.NotEqual(RowRemedies.MayExist, record.ErrorDetails.RecommendedAction);
        Assert.Contains(told, record.ErrorDetails.RecommendedAction);
        var causeRemedy = Remedies.For(cause);
        Assert.StartsWith(causeRemedy == null ? told : causeRemedy + " " + told, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void AFailedCreateThatNotionRefusedKeepsItsRemedy()
    {
        var record = NotionErrorRecords.ForRow(Failure(401, "unauthorized"), "Row 3", "input", wasCreate: true);

        Assert.Equal(Remedies.NewToken, record.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void ARowFailureOutsideTheFamilyIsNotionRowFailed()
    {
        var record = NotionErrorRecords.ForRow(new ArgumentException("Nothing to change."), "Row 7", "input");

        Assert.Equal(("NotionRowFailed", ErrorCategory.NotSpecified), (record.FullyQualifiedErrorId, record.CategoryInfo.Category));
        Assert.Equal("Row 7: Nothing to change.", record.ErrorDetails.Message);
        Assert.Equal(string.Empty, record.ErrorDetails.RecommendedAction); // PowerShell reads an unset action as empty
    }

    [Fact]
    public void ABadIdIsInvalidNotionUrl()
    {
        var record = NotionErrorRecords.InvalidId("Copy the link again.", "bad");

        Assert.Equal(("InvalidNotionUrl", ErrorCategory.InvalidArgument), (record.FullyQualifiedErrorId, record.CategoryInfo.Category));
        Assert.IsType<ArgumentException>(record.Exception);
        Assert.Equal("Copy the link again.", record.Exception.Message);
        Assert.Equal("bad", record.TargetObject);
    }

    [Fact]
    public void ACmdletsOwnFailureTakesItsCategoryFromTheTable()
    {
        var exception = new InvalidOperationException("The read stopped. Narrow the query.");

        var record = NotionErrorRecords.Create(exception, "NotionQueryCapReached", "input", "Narrow the query.");

        Assert.Equal(("NotionQueryCapReached", ErrorCategory.LimitsExceeded), (record.FullyQualifiedErrorId, record.CategoryInfo.Category));
        Assert.Equal((exception.Message, "Narrow the query."), (record.ErrorDetails.Message, record.ErrorDetails.RecommendedAction));
    }

    [Fact]
    public void AViewIdHintFollowsTheSharingRemedy()
    {
        var record = NotionErrorRecords.From(Failure(404, "object_not_found"), Target, new RemedyFacts("NotionPS Demo", viewIdHint: true));

        Assert.Equal("NotionObjectNotFound", record.FullyQualifiedErrorId);
        Assert.Equal(Remedies.ShareDatabase("NotionPS Demo") + " " + DatabaseRemedies.ViewIdHint, record.ErrorDetails.RecommendedAction);
        Assert.Equal(Failure(404, "object_not_found").Message, record.ErrorDetails.Message);
    }

    [Fact]
    public void ALinkedDatabaseIsToldToShareItsSource()
    {
        var record = NotionErrorRecords.From(Failure(400, "validation_error"), Target, new RemedyFacts(linkedDatabase: true));

        Assert.Equal(("NotionValidationError", DatabaseRemedies.ShareSourceDatabase), (record.FullyQualifiedErrorId, record.ErrorDetails.RecommendedAction));
    }

    private static NotionApiException Failure(int status, string code) =>
        new NotionApiException(status, code, "Notion's message.", status == 0 ? null : "req-1", "POST", "v1/pages");
}
