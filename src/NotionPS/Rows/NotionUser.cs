using System;

namespace NotionPS
{
    /// <summary>
    /// A person (or bot) in a people column. Only <see cref="Id"/> matters when it is written back:
    /// Notion identifies people by ID, so a row read from one database can be added to another.
    /// </summary>
    public sealed class NotionUser
    {
        public NotionUser(string id, string? name = null, string? email = null)
        {
            Id = id ?? throw new ArgumentNullException(nameof(id));
            Name = name;
            Email = email;
        }

        public string Id { get; }

        /// <summary>Null when the integration lacks the user-information capability.</summary>
        public string? Name { get; }

        /// <summary>Null unless the integration may read email addresses.</summary>
        public string? Email { get; }

        public override string ToString() => Name ?? Email ?? Id;
    }
}
