using System.Text.Json;
using NotionPS.Client;
using Xunit;

namespace NotionPS.Tests.Client;

/// <summary>The token's kind and person, read only from Notion's users/me answer.</summary>
public class TokenUserTests
{
    [Fact]
    public void APersonIsAPersonalAccessTokenWithItsPerson()
    {
        var me = Read("""{"object":"user","id":"u1","type":"person","name":"Ada Lovelace","person":{"email":"ada@acme.example"}}""");

        Assert.Equal(NotionTokenKind.PersonalAccessToken, me.Kind);
        Assert.Equal(("u1", "Ada Lovelace", "ada@acme.example"), (me.PersonId, me.PersonName, me.PersonEmail));
        Assert.Null(me.WorkspaceId);
    }

    [Fact]
    public void ABotOwnedByAUserIsAPublicConnectionWithTheUserWhoInstalledIt()
    {
        var me = Read("""{"object":"user","id":"b2","type":"bot","name":"Acme OAuth App","bot":{"owner":{"type":"user","user":{"object":"user","id":"u2","type":"person","name":"Grace Hopper","person":{"email":"grace@acme.example"}}},"workspace_id":"w1","workspace_name":"Acme"}}""");

        Assert.Equal(NotionTokenKind.PublicConnection, me.Kind);
        Assert.Equal(("u2", "Grace Hopper", "grace@acme.example"), (me.PersonId, me.PersonName, me.PersonEmail));
        Assert.Equal(("b2", "Acme OAuth App", "w1"), (me.Id, me.Name, me.WorkspaceId));
    }

    [Fact]
    public void ABotOwnedByTheWorkspaceIsAnInternalConnectionWithNoPerson()
    {
        var me = Read("""{"object":"user","id":"b1","type":"bot","name":"NotionPS Demo","bot":{"owner":{"type":"workspace","workspace":true},"workspace_id":"w1","workspace_name":"Acme"}}""");

        Assert.Equal(NotionTokenKind.InternalConnection, me.Kind);
        Assert.Null(me.PersonId);
        Assert.Equal("workspace", me.OwnerType);
    }

    private static TokenUser Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return TokenUser.From(document.RootElement);
    }
}
