using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>The database cmdlets' requests: reading, finding, making and changing databases, and completing their IDs.</summary>
public partial class RequestCountTests
{
    [Theory]
    [MemberData(nameof(Versions))]
    public async Task GettingADatabaseReadsItAndEachDataSourceOnce(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Get database requests " + version);
        Connect(version);

        var sent = await RequestsOfAsync("$null = Get-NotionDatabase $db -Verbose", Vars(("db", databaseId)));

        Assert.Equal(Resolve(version, databaseId, dataSourceId), sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ResolvingADatabaseIdReadsTheDatabaseOnlyWhenAsked(string version)
    {
        var (databaseId, _) = await NewDatabaseAsync("Database ID requests " + version);
        Connect(version);

        var offline = await RequestsOfAsync("$null = Get-NotionDatabaseId $db -Verbose", Vars(("db", databaseId)));
        var resolved = await RequestsOfAsync("$null = Get-NotionDatabaseId $db -Resolve -Verbose", Vars(("db", databaseId)));

        // The database object lists its data sources: none is read.
        Assert.Empty(offline);
        Assert.Equal(new[] { "GET v1/databases/" + databaseId }, resolved);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task FindingDatabasesSearchesOnceAndReadsADatabaseOnlyWhenTheSearchFoundItsDataSources(string version)
    {
        var title = "Find requests " + Guid.NewGuid();
        var (databaseId, _) = await NewDatabaseAsync(title);
        Connect(version);

        var (sent, result) = await RequestsAndResultOfAsync("Find-NotionDatabase $title -Verbose", Vars(("title", title)));

        Assert.Empty(result.Errors);
        Assert.Equal(title, ((NotionDatabase)Assert.Single(result.Output).BaseObject).Title);

        // Under 2022-06-28 search finds the databases themselves; from 2025-09-03 it finds data sources, which do not hold their database's title.
        var search = new[] { "POST v1/search" };
        Assert.Equal(IsLegacy(version) ? search : search.Append("GET v1/databases/" + databaseId), sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task MakingADatabaseSendsOneRequest(string version)
    {
        Connect(version);

        var sent = await RequestsOfAsync("$null = New-NotionDatabase -ParentId $teamHome -Title 'Made' -Property ([ordered]@{ Item = 'title'; Kind = @{ Type = 'select'; Options = 'Tool', 'Part' } }) -Verbose", Vars(("teamHome", TeamHomeId)));

        Assert.Equal(new[] { "POST v1/databases" }, sent);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task ChangingASchemaReadsTheCurrentOneOnceAndSendsOneChange(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Schema requests " + version);
        Connect(version);
        Assert.Empty(Session.Run("$schema = Get-NotionDatabaseSchema -DatabaseId $db; $schema.Columns += @{ Name = 'Extra'; Type = 'people' }", Vars(("db", databaseId))).Errors);

        var byDatabaseId = await RequestsOfAsync("$schema | Set-NotionDatabaseSchema -DatabaseId $db -Confirm:$false -Verbose", Vars(("db", databaseId)));
        Assert.Empty(Session.Run("$schema.Columns += @{ Name = 'More'; Type = 'email' }").Errors);
        var bySchemasOwn = await RequestsOfAsync("$schema | Set-NotionDatabaseSchema -Confirm:$false -Verbose", Vars());

        // The schema names its data source (under 2022-06-28 its database), whose current schema the change is worked out against.
        var schema = IsLegacy(version) ? "GET v1/databases/" + databaseId : "GET v1/data_sources/" + dataSourceId;
        var change = IsLegacy(version) ? "PATCH v1/databases/" + databaseId : "PATCH v1/data_sources/" + dataSourceId;
        Assert.Equal(Resolve(version, databaseId, dataSourceId).Append(change), byDatabaseId);
        Assert.Equal(new[] { schema, change }, bySchemasOwn);
    }

    /// <summary>Completes each line in turn (as Tab, or an editor at each keystroke, would); the requests they sent together, by the emulator's count (completers write no log).</summary>
    private async Task<(long Requests, List<CompletionResult> Last)> CompleteInTurnAsync(params string[] lines)
    {
        var before = await RequestCountAsync();
        var each = lines.Select(Complete).ToList(); // every line, not only the last (which Last() alone would project)
        return (await RequestCountAsync() - before, each[^1]);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CompletingADatabaseIdAsTheTitleIsTypedSearchesOnce(string version)
    {
        var title = "Completed" + Guid.NewGuid().ToString("N");
        var (databaseId, _) = await NewDatabaseAsync(title);
        Connect(version);

        var (requests, last) = await CompleteInTurnAsync($"Get-NotionDatabaseRow -DatabaseId {title[..11]}", $"Get-NotionDatabaseRow -DatabaseId {title[..13]}", $"Get-NotionDatabaseRow -DatabaseId {title[..13]}");

        Assert.Equal(1, requests);
        Assert.Equal(databaseId, Assert.Single(last).CompletionText);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CompletingAPageIdAsTheTitleIsTypedSearchesOnce(string version)
    {
        Connect(version);
        var title = "CompletedPage" + Guid.NewGuid().ToString("N");
        var pageId = NewPage(title);

        var (requests, last) = await CompleteInTurnAsync($"Get-NotionPage -PageId {title[..15]}", $"Get-NotionPage -PageId {title[..17]}");

        Assert.Equal(1, requests);
        Assert.Equal(pageId, Assert.Single(last).CompletionText);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task CompletingAParentIdFindsPagesAndDatabasesInOneSearch(string version)
    {
        var prefix = "CompletedParent" + Guid.NewGuid().ToString("N")[..8];
        var (databaseId, _) = await NewDatabaseAsync(prefix + "Database");
        Connect(version);
        var pageId = NewPage(prefix + "Page");

        var (requests, both) = await CompleteInTurnAsync($"New-NotionPage -ParentId {prefix}");
        var (moreRequests, page) = await CompleteInTurnAsync($"New-NotionPage -ParentId {prefix}P");

        Assert.Equal(1, requests);
        Assert.Equal(new[] { databaseId, pageId }.Order(), both.Select(hit => hit.CompletionText).Order());
        Assert.Equal(0, moreRequests);
        Assert.Equal(pageId, Assert.Single(page).CompletionText);
    }
}
