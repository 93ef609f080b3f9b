using System;
using System.Collections.Generic;

namespace NotionPS
{
    /// <summary>
    /// A database as Find-NotionDatabase and Get-NotionDatabase output it. Its DatabaseId binds by
    /// property name to the cmdlets that take a database.
    /// </summary>
    public sealed class NotionDatabase
    {
        internal NotionDatabase(string databaseId, string title, string? url, DateTime? createdTime, DateTime? lastEditedTime, IReadOnlyList<NotionDataSource> dataSources)
        {
            DatabaseId = databaseId;
            Title = title;
            Url = url;
            CreatedTime = createdTime;
            LastEditedTime = lastEditedTime;
            DataSources = dataSources;
        }

        public string DatabaseId { get; }

        public string Title { get; }

        public string? Url { get; }

        public DateTime? CreatedTime { get; }

        public DateTime? LastEditedTime { get; }

        /// <summary>The database's data sources (one under Notion-Version 2022-06-28: the database itself).</summary>
        public IReadOnlyList<NotionDataSource> DataSources { get; }

        public override string ToString() => string.IsNullOrEmpty(Title) ? DatabaseId : Title;
    }

    /// <summary>A column of a data source's schema.</summary>
    public sealed class NotionDatabaseProperty
    {
        internal NotionDatabaseProperty(string name, string type, string id, IReadOnlyList<string> options)
        {
            Name = name;
            Type = type;
            Id = id;
            Options = options;
        }

        public string Name { get; }

        /// <summary>Notion's property type, such as title, number, select or relation.</summary>
        public string Type { get; }

        /// <summary>Notion's property ID (URL-encoded, as Notion gives it).</summary>
        public string Id { get; }

        /// <summary>The option names of a select, multi-select or status column.</summary>
        public IReadOnlyList<string> Options { get; }

        public override string ToString() => $"{Name} ({Type})";
    }
}
