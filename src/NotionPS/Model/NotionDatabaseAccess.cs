using System;
using System.Collections.Generic;

namespace NotionPS
{
    /// <summary>What Test-NotionDatabaseAccess found, from the integration's point of view.</summary>
    public enum NotionDatabaseAccessStatus
    {
        /// <summary>The integration can read (and query) the database.</summary>
        Accessible,

        /// <summary>The database exists for nobody the integration can see: it was not shared with it.</summary>
        NotShared,

        /// <summary>The token is invalid or revoked.</summary>
        Unauthorized,

        /// <summary>The integration lacks a capability the test needed (read, insert or update content).</summary>
        MissingCapability,

        /// <summary>The person behind a personal access token lacks the page permission the test needed (Can edit, to add or change rows).</summary>
        MissingPermission,

        /// <summary>The ID is a page's, not a database's.</summary>
        NotADatabase,

        /// <summary>The database is shared but none of its data sources is (a linked database, say).</summary>
        NoAccessibleDataSource,

        /// <summary>Something else failed; Message says what.</summary>
        Error,
    }

    /// <summary>A data source of a database (a database has one or more since Notion-Version 2025-09-03).</summary>
    public sealed class NotionDataSource
    {
        public NotionDataSource(string dataSourceId, string name, string databaseId)
        {
            DataSourceId = dataSourceId;
            Name = name;
            DatabaseId = databaseId;
        }

        public string DataSourceId { get; }

        public string Name { get; }

        public string DatabaseId { get; }

        /// <summary>The data source's columns; empty unless Get-NotionDatabase read its schema.</summary>
        public IReadOnlyList<NotionDatabaseProperty> Properties { get; internal set; } = Array.Empty<NotionDatabaseProperty>();

        public override string ToString() => string.IsNullOrEmpty(Name) ? DataSourceId : $"{Name} ({DataSourceId})";
    }

    /// <summary>The result of Test-NotionDatabaseAccess for one database: a test result, never an error.</summary>
    public sealed class NotionDatabaseAccess
    {
        public string DatabaseId { get; internal set; } = string.Empty;

        public string? Title { get; internal set; }

        public NotionDatabaseAccessStatus Status { get; internal set; }

        public bool CanRead { get; internal set; }

        public bool CanQuery { get; internal set; }

        /// <summary>Null unless -IncludeWrite tried it.</summary>
        public bool? CanInsert { get; internal set; }

        /// <summary>Null unless -IncludeWrite tried it.</summary>
        public bool? CanUpdate { get; internal set; }

        public IReadOnlyList<NotionDataSource> DataSources { get; internal set; } = Array.Empty<NotionDataSource>();

        /// <summary>The integration's name, as it appears in Notion's Connections menu; for a personal access token, its person's name.</summary>
        public string Integration { get; internal set; } = string.Empty;

        /// <summary>The kind of token that was tested: what it can see, and so the remedies, depend on it.</summary>
        public NotionTokenKind TokenKind { get; internal set; }

        /// <summary>What was found and, when it is not accessible, exactly what to do.</summary>
        public string Message { get; internal set; } = string.Empty;

        public override string ToString() => $"{Title ?? DatabaseId}: {Status}";
    }
}
