using System.Text.Json;
using NotionPS.Client;
using NotionPS.Cmdlets;
using NotionPS.Operations;
using NotionPS.Operations.Schema;
using Xunit;

namespace NotionPS.Tests.Cmdlets;

/// <summary>
/// Names Notion gave (a database's title, the bot's or person's name, a column's, a key read from a row) are quoted in
/// messages and remedies with their control and bidi characters as visible escapes (ServerText), wherever they are quoted.
/// </summary>
public class ServerTextQuotedTests
{
    private const string Hostile = "Bot\u001b]0;owned\u0007\r\n\u202Eeno";
    private const string Shown = "Bot\\u001B]0;owned\\u0007\\u000D\\u000A\\u202Eeno";

    [Fact]
    public void TestNotionDatabaseAccessQuotesTheDatabaseTitleAndTheIntegrationNameEscaped()
    {
        var readable = new DatabaseProbeResult("db1") { Title = Hostile }.Found(ProbeFinding.Readable);

        Assert.Equal($"\"{Shown}\" can read and query \"{Shown}\".", DatabaseAccessMessages.For(readable, Hostile));
    }

    [Fact]
    public void TheShareRemedyQuotesTheIntegrationNameEscaped()
    {
        var notFound = new NotionApiException(404, NotionErrorCodes.ObjectNotFound, "Could not find database.", "r1", "GET", "v1/databases/db1");

        var remedy = Remedies.For(notFound, new RemedyFacts(Hostile))!;

        Assert.Contains($"select \"{Shown}\"", remedy);
        Assert.DoesNotContain('\u001b', remedy);
    }

    [Fact]
    public void AnAmbiguousMatchQuotesTheRowsKeyEscaped()
    {
        var ambiguous = MatchOnException.Ambiguous("Name", Hostile);

        Assert.Contains($"'Name' = '{Shown}'", ambiguous.Message);
        Assert.Equal(Hostile, ambiguous.Key);
    }

    [Fact]
    public void ASchemaChangeDescribesAColumnNameEscaped()
    {
        var change = new SchemaChange($"Remove column '{Hostile}' and its values", _ => { });

        Assert.Equal($"Remove column '{Shown}' and its values", change.Description);
    }

    [Fact]
    public void MissingBackupColumnsAreListedEscaped()
    {
        var column = new BackupColumn(Hostile, "x", "number", JsonDocument.Parse("{}").RootElement);

        Assert.Equal($"'{Shown}' (number)", ImportPlan.Describe([column]));
    }
}
