using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Workspace;

/// <summary>The seed format's token kinds and page permissions (see the README's "Token kinds and page permissions").</summary>
public sealed partial class SeedLoader
{
    private static readonly Dictionary<string, TokenKind> TokenKindNames = new(StringComparer.Ordinal)
    {
        ["internal_connection"] = TokenKind.InternalConnection,
        ["public_connection"] = TokenKind.PublicConnection,
        ["personal_access_token"] = TokenKind.PersonalAccessToken,
    };

    public static string TokenKindName(TokenKind kind) => TokenKindNames.First(pair => pair.Value == kind).Key;

    /// <summary>A person by ID or by name (seed files and the admin API accept either).</summary>
    public WorkspaceUser? FindPerson(string idOrName) =>
        Guid.TryParse(idOrName, out var id)
            ? workspace.FindPerson(id)
            : workspace.People.FirstOrDefault(p => string.Equals(p.Name, idOrName, StringComparison.Ordinal));

    /// <summary>Sets a person's level on an object (<c>PUT /__emulator/permissions/{object}/{person}</c>).</summary>
    public void SetPermission(WorkspaceObject item, WorkspaceUser person, JsonObject body) =>
        workspace.Permissions.Set(item.Id, person.Id, PagePermissions.Parse(
            RequiredString(body, "level"), () => $"Permission of \"{person.Name}\" on {item.Id}"));

    private (TokenKind Kind, Guid? Owner) TokenKindAndOwner(JsonObject item, string name)
    {
        var kindName = OptionalString(item, "kind") ?? "internal_connection";
        if (!TokenKindNames.TryGetValue(kindName, out var kind))
        {
            throw new InvalidDataException(
                $"Integration \"{name}\": kind must be {string.Join(", ", TokenKindNames.Keys)}, not \"{kindName}\".");
        }

        var ownerName = OptionalString(item, "owner");
        if (kind == TokenKind.InternalConnection)
        {
            return ownerName is null
                ? (kind, null)
                : throw new InvalidDataException(
                    $"Integration \"{name}\": an internal connection belongs to the workspace and has no owner; use kind public_connection or personal_access_token for a token that belongs to a person.");
        }

        if (ownerName is null)
        {
            throw new InvalidDataException($"Integration \"{name}\": a {kindName} needs \"owner\", the ID or name of the person it belongs to.");
        }

        return (kind, (FindPerson(ownerName) ?? throw new InvalidDataException(
            $"Integration \"{name}\": owner \"{ownerName}\" is not a person of the workspace (people come before integrations).")).Id);
    }

    /// <summary>Reads <c>"permissions": {"&lt;person ID or name&gt;": "full" | "edit" | "comment" | "read" | "none"}</c>.</summary>
    private void ReadPermissions(WorkspaceObject item, JsonObject seed)
    {
        if (seed["permissions"] is not { } given)
        {
            return;
        }

        var permissions = given as JsonObject ?? throw new InvalidDataException(
            $"{item.Id}: permissions must be an object keyed by person ID or name, e.g. {{\"Ada Lovelace\": \"edit\"}}.");
        foreach (var (personName, level) in permissions)
        {
            var person = FindPerson(personName)
                ?? throw new InvalidDataException($"{item.Id}: permissions name an unknown person \"{personName}\".");
            var levelName = level is JsonValue value && value.TryGetValue<string>(out var text) ? text : level?.ToJsonString() ?? "null";
            workspace.Permissions.Set(item.Id, person.Id, PagePermissions.Parse(levelName, () => $"{item.Id}, permission of \"{personName}\""));
        }
    }
}
