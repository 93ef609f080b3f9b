using System.Collections.Generic;
using System.Linq;
using NotionPS.Rows;

namespace NotionPS
{
    /// <summary>
    /// The people of a people cell, whose text is each person's e-mail address, or ID where Notion gives no
    /// address, joined as a <see cref="MultiValue"/> is, so Import-Csv | Add-NotionDatabaseRow finds the same people.
    /// </summary>
    public sealed class NotionUserList : CellList<NotionUser>
    {
        public NotionUserList()
            : this(System.Array.Empty<NotionUser>())
        {
        }

        public NotionUserList(IEnumerable<NotionUser> people)
            : base(people)
        {
        }

        public override string ToString() => CellText.Join(this.Select(person => person.Email ?? person.Id));
    }
}
