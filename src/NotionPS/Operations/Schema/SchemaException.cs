using System.Collections.Generic;
using NotionPS.Client;
using NotionPS.Errors;

namespace NotionPS.Operations.Schema
{
    /// <summary>A schema that cannot be applied as given: its message states the facts, the cmdlet says what to do.</summary>
    internal sealed class SchemaException : NotionException
    {
        private SchemaException(string errorId, string message, NotionApiException? inner = null)
            : base(errorId, message, inner)
        {
        }

        /// <summary>Notion's code, when Notion refused the change.</summary>
        public override string? NotionCode => (InnerException as NotionApiException)?.Code;

        public static SchemaException Invalid(string message) => new SchemaException(NotionErrorIds.NotionSchemaInvalid, message);

        public static SchemaException UnknownType(string column, string type, IEnumerable<string> knownTypes) =>
            new SchemaException(NotionErrorIds.NotionSchemaUnknownType,
                $"Column '{column}' has the type '{type}', which Notion does not have. The types are: {string.Join(", ", knownTypes)}.");

        public static SchemaException DuplicateColumn(string name) =>
            new SchemaException(NotionErrorIds.NotionSchemaDuplicateColumn, $"Two columns would be named '{name}'; a data source's column names are unique.");

        public static SchemaException SecondTitle(IEnumerable<string> names) =>
            new SchemaException(NotionErrorIds.NotionSchemaSecondTitle,
                $"The columns {string.Join(", ", Quoted(names))} are all of type title; a data source has exactly one title column.");

        public static SchemaException TitleRemoved(string name, string id) =>
            new SchemaException(NotionErrorIds.NotionSchemaTitleRemoved,
                $"The schema has no title column, so the title column '{name}' (id {id}) would be removed; a data source always keeps its title column.");

        public static SchemaException UnknownRelationTarget(string column, string target, NotionApiException refusal) =>
            new SchemaException(NotionErrorIds.NotionSchemaUnknownRelationTarget,
                $"Relation column '{column}' points at {target}, which the integration cannot see: {refusal.ApiMessage}", refusal);

        public static SchemaException Unsupported(string message) => new SchemaException(NotionErrorIds.NotionSchemaUnsupportedChange, message);

        /// <param name="attempt">What was refused, such as "the schema change to data source ...".</param>
        public static SchemaException Refused(string attempt, NotionApiException refusal) =>
            new SchemaException(NotionErrorIds.NotionSchemaChangeRefused,
                $"Notion refused {attempt} ({refusal.Status} {refusal.Code}): {refusal.ApiMessage}"
                + (refusal.RequestId == null ? string.Empty : $" (request id {refusal.RequestId})"), refusal);

        public static SchemaException NoTarget() =>
            new SchemaException(NotionErrorIds.NotionSchemaNoTarget, "The schema names no data source or database to apply it to.");

        private static IEnumerable<string> Quoted(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                yield return "'" + name + "'";
            }
        }
    }
}
