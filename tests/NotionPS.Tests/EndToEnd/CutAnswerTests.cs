using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Answers cut partway through their body (the emulator's abort-midway fault): the client parses bodies as they
/// arrive, so a cut shows up inside the parse and must be taken for the dropped connection it is.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class CutAnswerTests : RowsTestBase
{
    public CutAnswerTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ARowReadWhoseSecondPageIsCutRepeatsThatPageAndOutputsEveryRowOnce(string version)
    {
        Connect(version);
        var (databaseId, seeded, queryPath) = await DatabaseOf250RowsAsync("Cut read " + version, version);
        try
        {
            // Every second matching query, once: the second page's answer.
            await AddFaultAsync(new JsonObject { ["kind"] = "abort-midway", ["share"] = 0.5, ["count"] = 1, ["method"] = "POST", ["path"] = queryPath });

            var result = Session.Run(ReadInOnePageChain, Vars(("db", databaseId)));

            Assert.Empty(result.Errors);
            Assert.Equal(seeded, result.Output.Select(row => (string)row.Properties["PageId"].Value));
            Assert.Single(result.Verbose, line => line.Message.Contains("connection_failure; retry 1 of 5"));
            Assert.Equal(0, await ArmedFaultsAsync());
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    [Fact]
    public async Task WithRetriesOffACutPageFailsAsADroppedConnectionAfterTheRowsBeforeIt()
    {
        const string version = "2025-09-03";
        Session.Run($"$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion {version} -MaximumRetryCount 0");
        var (databaseId, seeded, queryPath) = await DatabaseOf250RowsAsync("Cut read, no retries", version);
        try
        {
            await AddFaultAsync(new JsonObject { ["kind"] = "abort-midway", ["share"] = 0.5, ["count"] = 1, ["method"] = "POST", ["path"] = queryPath });

            var result = Session.Run(ReadInOnePageChain, Vars(("db", databaseId)));

            Assert.Equal(seeded.Take(100), result.Output.Select(row => (string)row.Properties["PageId"].Value));
            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionConnectionFailure,NotionPS.Cmdlets.GetNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
            var failure = Assert.IsType<NotionApiException>(error.Exception);
            Assert.Contains("dropped partway through the answer", failure.Message);
            Assert.IsNotType<JsonException>(failure.InnerException);
            AssertNoToken(result);
        }
        finally
        {
            await ClearFaultsAsync();
        }
    }

    /// <summary>A create whose answer is cut may have been done: like a connection dropped after the work, it is reported, never repeated.</summary>
    [Theory]
    [InlineData("abort-after")]
    [InlineData("abort-midway")]
    public async Task ACreateWhoseAnswerIsLostIsReportedNotRepeated(string kind)
    {
        Connect("2025-09-03");
        var (databaseId, _) = await NewDatabaseAsync("Lost create " + kind);
        try
        {
            await AddFaultAsync(new JsonObject { ["kind"] = kind, ["method"] = "POST", ["path"] = "/v1/pages" });

            var result = Session.Run("[pscustomobject]@{ Name = 'Once' } | Add-NotionDatabaseRow -DatabaseId $db -Verbose", Vars(("db", databaseId)));

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionConnectionFailure,NotionPS.Cmdlets.AddNotionDatabaseRowCommand", error.FullyQualifiedErrorId);
            Assert.Contains("-MatchOn", error.ErrorDetails.RecommendedAction);
            Assert.Single(result.Verbose, line => line.Message.StartsWith("POST v1/pages -> connection_failure"));
            Assert.DoesNotContain(result.Verbose, line => line.Message.Contains("; retry ") || line.Message.Contains("(attempt "));
            AssertNoToken(result);
        }
        finally
        {
            await ClearFaultsAsync();
        }

        var rows = Session.Run("Get-NotionDatabaseRow -DatabaseId $db", Vars(("db", databaseId)));
        Assert.Equal(new[] { "Once" }, rows.Output.Select(row => (string)row.Properties["Name"].Value));
    }

    /// <summary>
    /// A read whose queries are its pages, one after another: in created order the reader may also ask for the newest row
    /// to cut the read into slices, and a cut answer to that question would only slow the read down.
    /// </summary>
    private const string ReadInOnePageChain = "Get-NotionDatabaseRow -DatabaseId $db -Sort Name -Verbose";

    /// <summary>A fresh database of 250 rows (three pages of a query) named in their order, their IDs in order, and its query endpoint's path under <paramref name="version"/>.</summary>
    private async Task<(string DatabaseId, IReadOnlyList<string> Seeded, string QueryPath)> DatabaseOf250RowsAsync(string title, string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync(title);
        var seeded = await SeedRowsAsync(dataSourceId, Enumerable.Range(0, 250).Select(i => new JsonObject { ["properties"] = new JsonObject { ["Name"] = $"Row {i:000}" } }));
        var queryPath = version == "2022-06-28" ? $"/v1/databases/{databaseId}/query" : $"/v1/data_sources/{dataSourceId}/query";
        return (databaseId, seeded, queryPath);
    }

    private static void AssertNoToken(Hosting.ScriptResult result)
    {
        var everything = result.Verbose.Select(line => line.Message)
            .Concat(result.Errors.SelectMany(error => new[] { error.ToString(), error.Exception.ToString(), error.ErrorDetails?.Message ?? string.Empty, error.ErrorDetails?.RecommendedAction ?? string.Empty }));
        Assert.DoesNotContain(everything, text => text.Contains(EmulatorFixture.FullAccessToken));
    }
}
