using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// A person given by e-mail address in a people column: New-NotionPage -Property finds them as Add-NotionDatabaseRow
/// does, and refuses what it refuses with the same error.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class PeopleByEmailTests : RowsTestBase
{
    public PeopleByEmailTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public async Task NewNotionPageFindsAPersonByEMailAsAddNotionDatabaseRowDoes()
    {
        var (databaseId, _) = await NewDatabaseAsync("People by e-mail");
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $null = New-NotionPage -ParentId $db -Title 'Page' -Property @{ Owner = 'ADA@acme.example; ' + $grace }
            $null = @{ Name = 'Row'; Owner = 'ADA@acme.example; ' + $grace } | Add-NotionDatabaseRow -DatabaseId $db
            Get-NotionDatabaseRow -DatabaseId $db | Sort-Object Name | ForEach-Object { ($_.Owner.Id | Sort-Object) -join ',' }
            """,
            Vars(("db", databaseId), ("grace", GraceId)));

        Assert.Empty(result.Errors);
        Assert.Equal(new[] { AdaId + "," + GraceId, AdaId + "," + GraceId }, result.Output.Select(line => (string)line.BaseObject));
    }

    [Theory]
    [InlineData("with_email", "nobody@acme.example", "no person in the workspace has this e-mail address")]
    [InlineData("without_email", "ada@acme.example", "no person in the workspace has this e-mail address")]
    [InlineData("none", "ada@acme.example", "the workspace's people could not be listed")]
    public async Task NewNotionPageRefusesAnAddressAsAddNotionDatabaseRowDoesAndCreatesNothing(string userInfo, string email, string reason)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("People by e-mail refused");
        var name = "People " + userInfo;
        var token = "demo-token-people-" + userInfo;
        await Emulator.AdminPostAsync("integrations", new { name, token, userInfo });
        (await Emulator.Admin.PutAsync($"shares/{databaseId}/{Uri.EscapeDataString(name)}", null)).EnsureSuccessStatusCode();
        Session.Run("$other = [securestring]::new(); $t.ToCharArray() | ForEach-Object { $other.AppendChar($_) }; $null = Connect-NotionIntegration -Token $other -BaseUri $emu", Vars(("t", token)));

        var result = Session.Run(
            """
            New-NotionPage -ParentId $db -Title 'Page' -Property @{ Owner = $email }
            @{ Name = 'Row'; Owner = $email } | Add-NotionDatabaseRow -DatabaseId $db
            """,
            Vars(("db", databaseId), ("email", email)));

        Assert.Empty(result.Output);
        Assert.Equal(
            new[] { "NotionRowValueInvalid,NotionPS.Cmdlets.NewNotionPageCommand", "NotionRowValueInvalid,NotionPS.Cmdlets.AddNotionDatabaseRowCommand" },
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors, error => Assert.Contains(reason, error.Exception.Message, StringComparison.Ordinal));
        Assert.Equal(WithoutRequestId(result.Errors[1].Exception.Message), WithoutRequestId(result.Errors[0].Exception.Message));
        Assert.Empty(await Emulator.QueryTitlesAsync(dataSourceId, string.Empty));
    }

    /// <summary>Rows changed at once from the thread pool await one listing of the workspace's people, which is asked for once.</summary>
    [Fact]
    public async Task RowsChangedAtOnceShareOneListingOfThePeople()
    {
        var (databaseId, _) = await NewDatabaseAsync("People by e-mail at once");
        Connect("2026-03-11");

        var result = Session.Run(
            """
            $rows = 1..4 | ForEach-Object { @{ Name = "Row $_" } } | Add-NotionDatabaseRow -DatabaseId $db
            $rows | ForEach-Object { [pscustomobject]@{ PageId = $_.PageId; Owner = 'ADA@acme.example' } } | Set-NotionDatabaseRow -ThrottleLimit 4 -Verbose
            Get-NotionDatabaseRow -DatabaseId $db | ForEach-Object { $_.Owner.Id -join ',' }
            """,
            Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        Assert.Equal(Enumerable.Repeat(AdaId, 4), result.Output.Select(line => (string)line.BaseObject));
        Assert.Single(result.Verbose, line => line.Message.StartsWith("GET v1/users?", StringComparison.Ordinal) && line.Message.Contains("200", StringComparison.Ordinal));
    }

    /// <summary>A message as each of two requests that failed alike gives it: Notion's request_id is one per request.</summary>
    private static string WithoutRequestId(string message) => Regex.Replace(message, "request_id [0-9a-f-]+", "request_id");
}
