using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace NotionPS.Client
{
    /// <summary>
    /// Who a token acts as, from <c>GET /v1/users/me</c>: a bot for a connection (internal when its owner is the
    /// workspace, public when a user installed it), the person who created it for a personal access token.
    /// </summary>
    internal sealed class TokenUser
    {
        // Read-only, set by the constructor: no setter to JIT-compile on the first Connect of a process.
        private TokenUser(
            string id, string name, NotionTokenKind kind, string ownerType, string? workspaceName, string? workspaceId,
            string? personId, string? personName, string? personEmail)
        {
            Id = id;
            Name = name;
            Kind = kind;
            OwnerType = ownerType;
            WorkspaceName = workspaceName;
            WorkspaceId = workspaceId;
            PersonId = personId;
            PersonName = personName;
            PersonEmail = personEmail;
        }

        public string Id { get; }
        public string Name { get; }
        public NotionTokenKind Kind { get; }
        public string OwnerType { get; }
        public string? WorkspaceName { get; }
        public string? WorkspaceId { get; }

        /// <summary>The person: for a personal access token its creator, for a public connection the user who installed it; null for an internal connection.</summary>
        public string? PersonId { get; }
        public string? PersonName { get; }
        public string? PersonEmail { get; }

        public static TokenUser From(JsonElement user)
        {
            var bot = JsonRead.Object(user, "bot") ?? default;
            var owner = JsonRead.Object(bot, "owner") ?? default;
            var ownerType = JsonRead.String(owner, "type") ?? string.Empty;
            var isPerson = JsonRead.String(user, "type") == "person";
            var person = isPerson ? user : ownerType == "user" ? JsonRead.Object(owner, "user") ?? default : default;
            return new TokenUser(
                id: JsonRead.String(user, "id") ?? string.Empty,
                name: JsonRead.String(user, "name") ?? string.Empty,
                kind: isPerson ? NotionTokenKind.PersonalAccessToken : ownerType == "user" ? NotionTokenKind.PublicConnection : NotionTokenKind.InternalConnection,
                ownerType: ownerType,
                workspaceName: JsonRead.String(bot, "workspace_name"),
                workspaceId: JsonRead.String(bot, "workspace_id"),
                personId: JsonRead.String(person, "id"),
                personName: JsonRead.String(person, "name"),
                personEmail: JsonRead.String(JsonRead.Object(person, "person") ?? default, "email"));
        }
    }

    /// <summary>A data source as a database lists it: <c>{id, name}</c>.</summary>
    internal sealed class DataSourceRef
    {
        public DataSourceRef(string id, string name)
        {
            Id = id;
            Name = name;
        }

        public string Id { get; }
        public string Name { get; }
    }

    /// <summary>A database object. Under 2022-06-28 the database is its own single data source.</summary>
    internal sealed class DatabaseInfo
    {
        public string Id { get; private set; } = string.Empty;
        public string Title { get; private set; } = string.Empty;
        public string? Url { get; private set; }
        public DateTime? CreatedTime { get; private set; }
        public DateTime? LastEditedTime { get; private set; }
        public IReadOnlyList<DataSourceRef> DataSources { get; private set; } = Array.Empty<DataSourceRef>();

        /// <summary>Under 2022-06-28, the schema the database carries as its own data source; null since 2025-09-03.</summary>
        public DataSourceSchema? OwnSchema { get; private set; }

        public static DatabaseInfo From(JsonElement database, string apiVersion)
        {
            var info = new DatabaseInfo
            {
                Id = JsonRead.String(database, "id") ?? string.Empty,
                Title = JsonRead.PlainText(JsonRead.Array(database, "title")),
                Url = JsonRead.String(database, "url"),
                CreatedTime = JsonRead.Time(database, "created_time"),
                LastEditedTime = JsonRead.Time(database, "last_edited_time"),
            };
            info.DataSources = ApiVersion.HasDataSources(apiVersion)
                ? (JsonRead.Array(database, "data_sources")?.EnumerateArray()
                    .Select(source => new DataSourceRef(JsonRead.String(source, "id") ?? string.Empty, JsonRead.String(source, "name") ?? string.Empty))
                    .ToList() ?? new List<DataSourceRef>())
                : new List<DataSourceRef> { new DataSourceRef(info.Id, info.Title) };
            info.OwnSchema = ApiVersion.HasDataSources(apiVersion) ? null : DataSourceSchema.From(database);
            return info;
        }
    }

    /// <summary>A data source's schema (under 2022-06-28, the database's): its columns.</summary>
    internal sealed class DataSourceSchema
    {
        public string Id { get; private set; } = string.Empty;
        public string Name { get; private set; } = string.Empty;

        /// <summary>The database the data source belongs to (under 2022-06-28, the database itself).</summary>
        public string DatabaseId { get; private set; } = string.Empty;

        public IReadOnlyList<NotionDatabaseProperty> Properties { get; private set; } = Array.Empty<NotionDatabaseProperty>();

        /// <summary>Column name to Notion property type.</summary>
        public IReadOnlyDictionary<string, string> PropertyTypes { get; private set; } = new Dictionary<string, string>();

        /// <summary>Column name to its options (select, multi-select and status columns; none for the others).</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> PropertyOptions { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();

        /// <summary>The one title column every data source has.</summary>
        public string? TitlePropertyName => PropertyTypes.FirstOrDefault(p => p.Value == "title").Key;

        public static DataSourceSchema From(JsonElement source)
        {
            var properties = new List<NotionDatabaseProperty>();
            if (JsonRead.Object(source, "properties") is JsonElement columns)
            {
                foreach (var column in columns.EnumerateObject())
                {
                    var type = JsonRead.String(column.Value, "type") ?? string.Empty;
                    properties.Add(new NotionDatabaseProperty(column.Name, type, JsonRead.String(column.Value, "id") ?? column.Name, Options(column.Value, type)));
                }
            }

            var id = JsonRead.String(source, "id") ?? string.Empty;
            var parent = JsonRead.Object(source, "parent") ?? default;
            return new DataSourceSchema
            {
                Id = id,
                Name = JsonRead.String(source, "name") ?? JsonRead.PlainText(JsonRead.Array(source, "title")),
                DatabaseId = JsonRead.String(source, "object") == "data_source" ? JsonRead.String(parent, "database_id") ?? string.Empty : id,
                Properties = properties,
                PropertyTypes = properties.ToDictionary(p => p.Name, p => p.Type, StringComparer.Ordinal),
                PropertyOptions = properties.ToDictionary(p => p.Name, p => p.Options, StringComparer.Ordinal),
            };
        }

        private static IReadOnlyList<string> Options(JsonElement column, string type)
        {
            var options = JsonRead.Array(JsonRead.Object(column, type) ?? default, "options");
            return options?.EnumerateArray().Select(option => JsonRead.String(option, "name") ?? string.Empty).ToList() ?? (IReadOnlyList<string>)Array.Empty<string>();
        }
    }
}
