using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// The three setup steps (connect, URL to ID, access test with and without -IncludeWrite) for each kind of token
/// Notion issues, with each remedy's text: a connection is told to share ("Add connections"), a personal access
/// token never is, since it sees what its person sees.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class TokenKindSetupFlowTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private const string AdaPat = "demo-token-pat-ada";
    private const string GracePat = "demo-token-pat-grace";
    private const string OAuthToken = "oauth-token-of-a-test";

    /// <summary>Connects with a token, then runs the three steps on one database URL.</summary>
    private SetupFlow RunSetupFlow(string token, string url)
    {
        var result = Session.Run(
            "$connection = Connect-NotionIntegration -Token $flowToken -BaseUri $emu; " +
            "$id = Get-NotionDatabaseId -Url $url -Resolve -ErrorAction SilentlyContinue -ErrorVariable idFailed; " +
            "$read = Test-NotionDatabaseAccess -DatabaseId (Get-NotionDatabaseId -Url $url); " +
            "$write = Test-NotionDatabaseAccess -DatabaseId (Get-NotionDatabaseId -Url $url) -IncludeWrite -Confirm:$false; " +
            "[pscustomobject]@{ Connection = $connection; Id = $id; IdFailed = @($idFailed); Read = $read; Write = $write }",
            new Dictionary<string, object?> { ["flowToken"] = EmulatorFixture.Secure(token), ["url"] = url });
        Assert.Empty(result.Errors);
        var flow = Assert.Single(result.Output);
        T Get<T>(string name) => (T)Unwrapped(flow.Properties[name].Value)!;
        var idFailed = ((object[])Unwrapped(flow.Properties["IdFailed"].Value)!).Select(e => (ErrorRecord)Unwrapped(e)!).ToList();
        return new SetupFlow(Get<NotionConnection>("Connection"), Unwrapped(flow.Properties["Id"].Value) as NotionDatabaseId, idFailed, Get<NotionDatabaseAccess>("Read"), Get<NotionDatabaseAccess>("Write"));
    }

    private static object? Unwrapped(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

    private sealed record SetupFlow(NotionConnection Connection, NotionDatabaseId? Id, IReadOnlyList<ErrorRecord> IdFailed, NotionDatabaseAccess Read, NotionDatabaseAccess Write);

    [Fact]
    public void AnInternalConnectionReadsAndWritesWhatWasSharedWithIt()
    {
        var flow = RunSetupFlow(EmulatorFixture.FullAccessToken, EmulatorFixture.TasksUrl);

        Assert.Equal((NotionTokenKind.InternalConnection, null, "Acme Demo"), (flow.Connection.TokenKind, flow.Connection.UserId, flow.Connection.WorkspaceName));
        Assert.Equal(EmulatorFixture.TasksDatabaseId, flow.Id!.DatabaseId);
        Assert.Equal(NotionDatabaseAccessStatus.Accessible, flow.Read.Status);
        Assert.Equal((NotionTokenKind.InternalConnection, true, true), (flow.Write.TokenKind, flow.Write.CanInsert, flow.Write.CanUpdate));
    }

    [Fact]
    public void AnInternalConnectionIsToldToShareWithBothOfNotionsNames()
    {
        var flow = RunSetupFlow(EmulatorFixture.FullAccessToken, EmulatorFixture.PrivateNotesUrl);

        Assert.Null(flow.Id);
        var remedy = Assert.Single(flow.IdFailed).ErrorDetails.RecommendedAction;
        foreach (var message in new[] { remedy, flow.Read.Message, flow.Write.Message })
        {
            Assert.Contains("Share the database with the integration (Notion now calls integrations connections)", message);
            Assert.Contains("click Add connections (Connections), then search for and select \"NotionPS Demo\"", message);
        }

        Assert.Equal((NotionDatabaseAccessStatus.NotShared, (bool?)null), (flow.Write.Status, flow.Write.CanInsert));
    }

    [Fact]
    public async Task APublicConnectionShowsWhoInstalledItAndIsToldToShareLikeAnyConnection()
    {
        await Emulator.AdminPostAsync("integrations", new { name = "Acme OAuth App", token = OAuthToken, kind = "public_connection", owner = "Grace Hopper" });
        (await Emulator.Admin.PutAsync($"shares/{EmulatorFixture.TasksDatabaseId}/Acme OAuth App", null)).EnsureSuccessStatusCode();

        var shared = RunSetupFlow(OAuthToken, EmulatorFixture.TasksUrl);
        var notShared = RunSetupFlow(OAuthToken, EmulatorFixture.PrivateNotesUrl);

        Assert.Equal((NotionTokenKind.PublicConnection, "Acme OAuth App", "Grace Hopper", "user"),
            (shared.Connection.TokenKind, shared.Connection.BotName, shared.Connection.UserName, shared.Connection.OwnerType));
        Assert.Equal((NotionDatabaseAccessStatus.Accessible, true), (shared.Write.Status, shared.Write.CanInsert));
        Assert.Contains("click Add connections (Connections), then search for and select \"Acme OAuth App\"", notShared.Read.Message);
        Assert.Contains("select \"Acme OAuth App\"", Assert.Single(notShared.IdFailed).ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void APersonalAccessTokenSeesWhatItsPersonSeesWithNoSharingStep()
    {
        var flow = RunSetupFlow(AdaPat, EmulatorFixture.TasksUrl);

        var connection = flow.Connection;
        Assert.Equal((NotionTokenKind.PersonalAccessToken, "Ada Lovelace", "ada@acme.example", "c1a55e00-0000-4000-8000-000000000001"),
            (connection.TokenKind, connection.UserName, connection.UserEmail, connection.UserId));
        Assert.Null(connection.WorkspaceId);
        Assert.Equal(EmulatorFixture.TasksDatabaseId, flow.Id!.DatabaseId);
        Assert.Equal(NotionDatabaseAccessStatus.Accessible, flow.Read.Status);
        Assert.Equal((NotionDatabaseAccessStatus.Accessible, true, true), (flow.Write.Status, flow.Write.CanInsert, flow.Write.CanUpdate));
        Assert.Equal("\"Ada Lovelace\" can read and query \"Tasks\".", flow.Read.Message);
    }

    [Fact]
    public void APersonalAccessTokenWithoutAccessIsToldToAskTheOwnerNeverToAddConnections()
    {
        var flow = RunSetupFlow(AdaPat, EmulatorFixture.PrivateNotesUrl);

        var remedy = Assert.Single(flow.IdFailed).ErrorDetails.RecommendedAction;
        Assert.Equal("NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", flow.IdFailed[0].FullyQualifiedErrorId);
        Assert.Equal(NotionDatabaseAccessStatus.NotShared, flow.Read.Status);
        Assert.StartsWith($"Database {EmulatorFixture.PrivateNotesDatabaseId} is not one Ada Lovelace can see in Notion (or does not exist). ", flow.Read.Message);
        foreach (var message in new[] { remedy, flow.Read.Message, flow.Write.Message })
        {
            Assert.Contains("A personal access token sees exactly what its person (Ada Lovelace) can see in Notion.", message);
            Assert.Contains("Ask the owner of the database (or of the page that contains it) to share it with you", message);
            Assert.Contains("for a team automation, use an internal connection instead", message);
            Assert.DoesNotContain("Add connections", message);
        }
    }

    [Fact]
    public void APersonalAccessTokenWithReadAccessReadsButCannotInsertAndSaysWhy()
    {
        var flow = RunSetupFlow(GracePat, EmulatorFixture.TasksUrl);

        Assert.Equal((NotionTokenKind.PersonalAccessToken, "Grace Hopper"), (flow.Connection.TokenKind, flow.Connection.UserName));
        Assert.Equal((NotionDatabaseAccessStatus.Accessible, true, true), (flow.Read.Status, flow.Read.CanRead, flow.Read.CanQuery));
        Assert.Equal((NotionDatabaseAccessStatus.MissingPermission, false, (bool?)null), (flow.Write.Status, flow.Write.CanInsert, flow.Write.CanUpdate));
        Assert.StartsWith("Grace Hopper can read \"Tasks\" but not add rows to it. The token's person (Grace Hopper) has view or comment access only. Ask the database's owner for Can edit access", flow.Write.Message);
        Assert.Contains("(Notion said: ", flow.Write.Message);
        Assert.DoesNotContain("Add connections", flow.Write.Message);
        Assert.DoesNotContain("capability.", flow.Write.Message);
    }

    [Fact]
    public async Task APersonalAccessTokenWhosePersonLosesAccessBetweenTwoCallsIsToldSo()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $ada -BaseUri $emu", new Dictionary<string, object?> { ["ada"] = EmulatorFixture.Secure(AdaPat) });
        var before = Session.Run($"Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}").OutputOf<NotionDatabaseAccess>().Single();

        using (var response = await Emulator.Admin.PutAsJsonAsync($"permissions/{EmulatorFixture.TasksDatabaseId}/Ada Lovelace", new { level = "none" }))
        {
            response.EnsureSuccessStatusCode();
        }

        var after = Session.Run($"Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}").OutputOf<NotionDatabaseAccess>().Single();
        var rows = Session.Run($"Get-NotionDatabaseRow -DatabaseId {EmulatorFixture.TasksDatabaseId} -ErrorAction SilentlyContinue -ErrorVariable failed; $failed");
        var add = Session.Run($"@{{ Name = 'x' }} | Add-NotionDatabaseRow -DatabaseId {EmulatorFixture.TasksDatabaseId}");
        var schema = Session.Run($"Get-NotionDatabaseSchema -DatabaseId {EmulatorFixture.TasksDatabaseId}");

        Assert.Equal(NotionDatabaseAccessStatus.Accessible, before.Status);
        Assert.Equal(NotionDatabaseAccessStatus.NotShared, after.Status);
        Assert.Contains("Ask the owner of the database", after.Message);
        Assert.DoesNotContain("Add connections", after.Message);
        Assert.Equal("NotionObjectNotFound", Assert.IsType<ErrorRecord>(Assert.Single(rows.Output).BaseObject).FullyQualifiedErrorId.Split(',')[0]);

        // Every cmdlet that meets the database it can no longer see says what a personal access token needs, never "Add connections".
        var readError = Assert.IsType<ErrorRecord>(rows.Output.Single().BaseObject);
        foreach (var error in new[] { readError, Assert.Single(add.Errors), Assert.Single(schema.Errors) })
        {
            Assert.Contains("A personal access token sees exactly what its person (Ada Lovelace) can see in Notion.", error.ErrorDetails.RecommendedAction);
            Assert.Contains("Ask the owner of the database", error.ErrorDetails.RecommendedAction);
            Assert.DoesNotContain("Add connections", error.ErrorDetails.RecommendedAction);
        }
    }

    [Fact]
    public async Task ARevokedPersonalAccessTokenIsToldToMakeANewOneInTheDeveloperPortal()
    {
        Session.Run("$null = Connect-NotionIntegration -Token $ada -BaseUri $emu", new Dictionary<string, object?> { ["ada"] = EmulatorFixture.Secure(AdaPat) });
        (await Emulator.Admin.DeleteAsync("integrations/Ada's scripts")).EnsureSuccessStatusCode();

        var access = Session.Run($"Test-NotionDatabaseAccess -DatabaseId {EmulatorFixture.TasksDatabaseId}").OutputOf<NotionDatabaseAccess>().Single();

        Assert.Equal(NotionDatabaseAccessStatus.Unauthorized, access.Status);
        Assert.StartsWith("The personal access token is invalid, expired or revoked, or its person left the workspace. Create a new one in Notion's developer portal", access.Message);
    }

    [Fact]
    public void ConnectAndGetNotionConnectionShowTheKindAndThePerson()
    {
        var result = Session.Run(
            "Connect-NotionIntegration -Token $ada -BaseUri $emu -Verbose | Out-String -Width 250; Get-NotionConnection | Out-String -Width 250",
            new Dictionary<string, object?> { ["ada"] = EmulatorFixture.Secure(AdaPat) });

        Assert.All(result.Output.Select(o => (string)o.BaseObject), table =>
        {
            Assert.Contains("TokenKind", table);
            Assert.Contains("PersonalAccessToken", table);
            Assert.Contains("ada@acme.example", table);
        });
        Assert.Contains(result.Verbose, line => line.Message.StartsWith("Connected as Ada Lovelace's personal access token (ada@acme.example;"));
    }
}
