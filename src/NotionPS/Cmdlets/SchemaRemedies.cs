using NotionPS.Errors;

namespace NotionPS.Cmdlets
{
    /// <summary>What to do about a schema that New-NotionDatabase or Set-NotionDatabaseSchema cannot apply.</summary>
    internal static class SchemaRemedies
    {
        /// <summary>The remedy for a schema failure; null for any other.</summary>
        public static string? For(NotionException exception)
        {
            switch (exception.ErrorId)
            {
                case NotionErrorIds.NotionSchemaInvalid:
                    return "Describe each column as Get-NotionDatabaseSchema outputs it (Name, Type, Options, ...), as a type name, or in Notion's own property JSON.";
                case NotionErrorIds.NotionSchemaUnknownType:
                    return "Use one of the types listed (Get-NotionDatabaseSchema shows those of an existing database).";
                case NotionErrorIds.NotionSchemaDuplicateColumn:
                    return "Give each column its own name; to replace a column, rename or remove the old one (with -RemoveMissing).";
                case NotionErrorIds.NotionSchemaSecondTitle:
                    return "Keep one column of type title and give the others another type, such as rich_text.";
                case NotionErrorIds.NotionSchemaTitleRemoved:
                    return "Keep the title column in the schema (renamed if you like), or leave out -RemoveMissing.";
                case NotionErrorIds.NotionSchemaUnknownRelationTarget:
                    return "Share the related database with the integration (••• > Connections), or correct RelationDataSourceId; Get-NotionDatabase lists a database's data sources.";
                case NotionErrorIds.NotionSchemaUnsupportedChange:
                    return "Make this change in the Notion app, or leave it out of the schema.";
                case NotionErrorIds.NotionSchemaChangeRefused:
                    return "Nothing of that request was made: Notion applies a schema change whole or not at all. Correct what Notion names and run the command again, or make the change in the Notion app.";
                case NotionErrorIds.NotionSchemaNoTarget:
                    return "Give -DataSourceId or -DatabaseId, or pipe the schema from Get-NotionDatabaseSchema (it carries its DataSourceId).";
                default:
                    return null;
            }
        }
    }
}
