using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Operations;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

public class DatabaseAccessMessagesTests
{
    private static readonly NotionApiException NotFound = new(404, "object_not_found", "Could not find database with ID: db1.", "r1", "GET", "v1/databases/db1");
    private static readonly NotionApiException NoRight = new(403, "restricted_resource", "Insufficient permissions.", "r2", "POST", "v1/pages");

    [Theory]
    [InlineData(nameof(ProbeFinding.Readable), "can read and query \"Tasks\"")]
    [InlineData(nameof(ProbeFinding.Writable), "can read, query, insert and update \"Tasks\"")]
    [InlineData(nameof(ProbeFinding.Unauthorized), "Connect-NotionIntegration again")]
    [InlineData(nameof(ProbeFinding.CannotRead), "\"Read content\" capability")]
    [InlineData(nameof(ProbeFinding.NoReachableDataSource), "source database")]
    public void EachFindingSaysWhatWasFound(string finding, string phrase)
    {
        var result = new DatabaseProbeResult("db1") { Title = "Tasks" }.Found(System.Enum.Parse<ProbeFinding>(finding));

        Assert.Contains(phrase, DatabaseAccessMessages.For(result, "NotionPS Demo"));
    }

    [Fact]
    public void APageSaysWhatToCopyInstead()
    {
        var message = DatabaseAccessMessages.For(new DatabaseProbeResult("p1").Found(ProbeFinding.NotADatabase, new NotADatabaseException("p1")), "NotionPS Demo");

        Assert.StartsWith("p1 is a page, not a database. ", message);
        Assert.Contains("Share > Copy link", message);
    }

    [Theory]
    [InlineData("timeout", null, "Raise -TimeoutSec")]
    [InlineData("connection_failure", "refused", "Check -BaseUri")]
    public void ACallThatFailedSaysWhatHappenedAndWhatToDo(string code, string? cause, string advice)
    {
        var failure = new NotionApiException(0, code, "no answer", null, "GET", "v1/databases/db1", cause == null ? null : new System.Net.Http.HttpRequestException(cause));

        var message = DatabaseAccessMessages.For(new DatabaseProbeResult("db1").Found(ProbeFinding.Failed, failure), "NotionPS Demo");

        Assert.StartsWith(failure.Message + " ", message);
        Assert.Contains(advice, message);
    }

    [Fact]
    public void NotSharedSaysHowToShareAndWhatNotionSaid()
    {
        var message = DatabaseAccessMessages.For(new DatabaseProbeResult("db1").Found(ProbeFinding.NotShared, NotFound), "NotionPS Demo");

        Assert.Contains("not shared with \"NotionPS Demo\"", message);
        Assert.Contains("Add connections", message);
        Assert.EndsWith("(Notion said: Could not find database with ID: db1.)", message);
    }

    [Fact]
    public void TheLegacyVersionsRefusalSaysWhichVersionReadsIt()
    {
        var refusal = new NotionApiException(400, "validation_error", "Databases with multiple data sources are not supported in this API version.", "r3", "GET", "v1/databases/db2");
        var result = new DatabaseProbeResult("db2").Found(ProbeFinding.SeveralDataSourcesInLegacyVersion, DataSourceChoiceException.SeveralInLegacyVersion("db2", refusal));

        var message = DatabaseAccessMessages.For(result, "NotionPS Demo");

        Assert.Contains("several data sources", message);
        Assert.Contains("-ApiVersion 2025-09-03", message);
    }

    [Fact]
    public void AMissingWriteCapabilityNamesItAndTheRowLeftBehind()
    {
        var cannotInsert = new DatabaseProbeResult("db1").Found(ProbeFinding.CannotInsert, NoRight);
        var cannotUpdate = new DatabaseProbeResult("db1") { LeftBehind = ("NotionPS access test", "p1") }.Found(ProbeFinding.CannotUpdate, NoRight);

        Assert.Contains("Insert content", DatabaseAccessMessages.For(cannotInsert, "NotionPS Demo"));
        var message = DatabaseAccessMessages.For(cannotUpdate, "NotionPS Demo");
        Assert.Contains("Update content", message);
        Assert.Contains("\"NotionPS access test\" (p1) is still in the database", message);
    }
}
