using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NotionPS.Operations.Schema;
using Xunit;

namespace NotionPS.Tests.Operations;

/// <summary>Schemas read from what people give, and the changes between two schemas, without any request.</summary>
public class SchemaDiffTests
{
    private const string Latest = "2026-03-11";

    private static readonly NotionDatabaseSchema Current = SchemaJson.Read(JsonDocument.Parse("""
        {"object": "data_source", "id": "ds1", "parent": {"type": "database_id", "database_id": "db1"}, "title": [{"plain_text": "Tasks"}],
         "properties": {
           "Name": {"id": "title", "name": "Name", "type": "title", "title": {}},
           "Kind": {"id": "kind", "name": "Kind", "type": "select", "select": {"options": [{"id": "o1", "name": "Tool", "color": "red"}, {"id": "o2", "name": "Part", "color": "blue"}]}},
           "Cost": {"id": "cost", "name": "Cost", "type": "number", "number": {"format": "number"}},
           "Stage": {"id": "stge", "name": "Stage", "type": "status", "status": {"options": [{"id": "s1", "name": "Open", "color": "default"}]}}
         }}
        """).RootElement);

    private static PlainObject Plain(params (string Key, object? Value)[] properties) =>
        new(properties.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)));

    private static NotionSchemaColumn Column(string name, string type, string? id = null, params string[] options) =>
        new() { Name = name, Type = type, Id = id, Options = options.Length == 0 ? null : options.Select(text => new NotionSchemaOption(text)).ToArray() };

    private static List<string> Changes(bool removeMissing, params NotionSchemaColumn[] desired) =>
        SchemaDiff.Compare(Current, desired, removeMissing, Latest).Changes.Select(change => change.Description).ToList();

    [Fact]
    public void NotionsJsonIsReadIntoPlainColumns()
    {
        Assert.Equal(("db1", "ds1", "Tasks"), (Current.DatabaseId, Current.DataSourceId, Current.Title));
        Assert.Equal(new[] { "Tool (red, id o1)", "Part (blue, id o2)" }, Current.Columns[1].Options!.Select(option => option.ToString()));
        Assert.Equal("number", Current.Columns[2].NumberFormat);
    }

    [Theory]
    [InlineData("Tool", "Tool", null, null)]
    [InlineData("Tool (red)", "Tool", "red", null)]
    [InlineData("Big (small) box (green, id x1)", "Big (small) box", "green", "x1")]
    [InlineData("Box (large)", "Box (large)", null, null)]
    public void AnOptionIsReadFromItsTextForm(string text, string name, string? color, string? id)
    {
        var option = Assert.Single(NotionSchemaOption.Parse(text));

        Assert.Equal((name, color, id), (option.Name, option.Color, option.Id));
    }

    [Fact]
    public void OptionsJoinedBySpacesAsConvertToJsonWritesThemAreReadOneByOne()
    {
        var options = NotionSchemaOption.Parse("Tool kit (red, id o1) Part (blue, id o2) New one (default)").ToList();

        Assert.Equal(new[] { "Tool kit/red/o1", "Part/blue/o2", "New one/default/" }, options.Select(o => $"{o.Name}/{o.Color}/{o.Id}"));
    }

    [Fact]
    public void TypeNamesAndDefinitionsInEitherShapeAreRead()
    {
        var columns = SchemaInputReader.ReadProperties(Plain(
            ("Title", "title"),
            ("Note", "Text"),
            ("Tags", "Multi-select"),
            ("Cost", Plain(("Type", "number"), ("NumberFormat", "euro"))),
            ("Kind", Plain(("select", Plain(("options", new List<object?> { Plain(("name", "a"), ("color", "red")), "b" }))))),
            ("Link", Plain(("relation", Plain(("data_source_id", "ds9"), ("dual_property", Plain())))))));

        Assert.Equal(new[] { "title", "rich_text", "multi_select", "number", "select", "relation" }, columns.Select(column => column.Type));
        Assert.Equal("euro", columns[3].NumberFormat);
        Assert.Equal(new[] { "a (red)", "b" }, columns[4].Options!.Select(option => option.ToString()));
        Assert.Equal(("ds9", "dual_property"), (columns[5].RelationDataSourceId, columns[5].RelationType));
    }

    [Theory]
    [InlineData("numbr", "NotionSchemaUnknownType")]
    [InlineData(null, "NotionSchemaInvalid")]
    public void AColumnWithoutAKnownTypeIsRefused(string? type, string errorId)
    {
        var error = Assert.Throws<SchemaException>(() => SchemaInputReader.ReadProperties(Plain(("Size", Plain(("Type", type))))));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains("'Size'", error.Message);
    }

    [Fact]
    public void TheSameSchemaMakesNoChange()
    {
        Assert.Empty(SchemaDiff.Compare(Current, Current.Columns, removeMissing: true, Latest).Changes);
    }

    [Fact]
    public void EachDifferenceIsOneChangeAndTheTitleIsFoundByItsType()
    {
        var changes = Changes(false,
            Column("Heading", "title"),
            Column("Category", "select", "kind", "Tool (red, id o1)", "Component (blue, id o2)", "Kit (green)"),
            new NotionSchemaColumn { Name = "Cost", Type = "number", NumberFormat = "dollar" },
            Column("Owner", "people"));

        Assert.Equal(
            new[]
            {
                "Rename column 'Name' to 'Heading'",
                "Rename column 'Kind' to 'Category'",
                "Rename option 'Part' of column 'Category' to 'Component'",
                "Add option 'Kit' to column 'Category'",
                "Change the number format of column 'Cost' from number to dollar",
                "Add column 'Owner' (people)",
            },
            changes);
    }

    [Fact]
    public void OnlyAcceptedChangesGoIntoTheRequestAndKeptOptionsAreSentByTheirIds()
    {
        var diff = SchemaDiff.Compare(Current, new[] { Column("Kind", "select", "kind", "Tool", "Part", "Kit (green)"), Column("Owner", "people") }, false, Latest);
        var patch = new SchemaPatch();

        diff.Changes.Single(change => change.Description.StartsWith("Add option")).ApplyTo(patch);

        Assert.Equal("""{"kind":{"select":{"options":[{"id":"o1"},{"id":"o2"},{"name":"Kit","color":"green"}]}}}""", patch.Properties.ToJsonString());
    }

    [Fact]
    public void MissingColumnsAndOptionsGoOnlyWithRemoveMissing()
    {
        var desired = new[] { Column("Name", "title", "title"), Column("Kind", "select", "kind", "Tool"), Column("Stage", "status", "stge", "Open") };

        Assert.Empty(Changes(false, desired));
        Assert.Equal(
            new[] { "Remove option 'Part' from column 'Kind' (its cells become empty)", "Remove column 'Cost' and its values" },
            Changes(true, desired));
    }

    [Theory]
    [InlineData("NotionSchemaSecondTitle", "Other|title")]
    [InlineData("NotionSchemaDuplicateColumn", "Kind|rich_text")]
    [InlineData("NotionSchemaUnsupportedChange", "Name|rich_text|title")]
    public void ASchemaNoDataSourceCanHaveIsRefusedBeforeAnyChange(string errorId, string extra)
    {
        var parts = extra.Split('|');
        var desired = Current.Columns.Where(column => column.Id != (parts.Length > 2 ? parts[2] : null)).Append(Column(parts[0], parts[1], parts.Length > 2 ? parts[2] : null)).ToArray();

        var error = Assert.Throws<SchemaException>(() => SchemaDiff.Compare(Current, desired, false, Latest));

        Assert.Equal(errorId, error.ErrorId);
    }

    /// <summary>
    /// Notion refuses a comma in an option name ("Invalid select option, commas not allowed"): an option added, renamed or
    /// given to a new column with one is refused as the change is planned, before any request, naming the option and the
    /// column. Before, the request was sent and Notion's refusal came back.
    /// </summary>
    [Theory]
    [InlineData("Kind", "select", "kind", "Tool", "Part", "Nut, bolt")]                // added to an existing column
    [InlineData("Kind", "select", "kind", "Nut, bolt (red, id o1)", "Part")]            // an existing option renamed
    [InlineData("Tags", "multi_select", null, "a", "Nut, bolt")]                       // a new column
    [InlineData("Cost", "select", "cost", "Nut, bolt")]                                // a column that becomes a select
    public void AnOptionNameWithACommaIsRefusedBeforeAnyRequest(string name, string type, string? id, params string[] options)
    {
        var desired = Current.Columns.Where(column => column.Name != name).Append(Column(name, type, id, options)).ToArray();

        var error = Assert.Throws<SchemaException>(() => SchemaDiff.Compare(Current, desired, false, Latest));

        Assert.Equal("NotionSchemaInvalid", error.ErrorId);
        Assert.StartsWith($"Option 'Nut, bolt' of column '{name}' has a comma, which Notion does not allow in an option name.", error.Message);
    }

    /// <summary>New-NotionDatabase builds its columns with the same check, before its request.</summary>
    [Fact]
    public void ANewColumnsOptionWithACommaIsRefused()
    {
        var error = Assert.Throws<SchemaException>(() => SchemaJson.Configuration(Column("Tags", "multi_select", null, "a", "b,c"), Latest));

        Assert.Equal("NotionSchemaInvalid", error.ErrorId);
        Assert.Contains("'b,c' of column 'Tags'", error.Message);
    }
}
