using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using NotionPS.Rows;

namespace NotionPS
{
    /// <summary>
    /// The people of a people cell: a list of <see cref="NotionUser"/> (ConvertTo-Json writes an array)
    /// whose text (Export-Csv, "$cell") is each person's e-mail address, or ID where Notion gives no
    /// address, joined as a <see cref="MultiValue"/> is, so Import-Csv | Add-NotionDatabaseRow finds the same people.
    /// </summary>
    public sealed class NotionUserList : Collection<NotionUser>
    {
        public NotionUserList()
        {
        }

        public NotionUserList(IEnumerable<NotionUser> people)
            : base(new List<NotionUser>(people))
        {
        }

        public override string ToString() => CellText.Join(this.Select(person => person.Email ?? person.Id));
    }
}
