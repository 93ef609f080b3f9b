using System;
using System.Collections.Generic;
using System.Linq;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Schema as code against the emulator: Get-NotionDatabaseSchema, a change in a script, Set-NotionDatabaseSchema
/// (-WhatIf one line per change, then for real), New-NotionDatabase from a schema, and the errors that stop a
/// schema before anything is sent.
/// </summary>
[Collection(EmulatorCollection.Name)]
public class SchemaTests : RowsTestBase
{
    public SchemaTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    /// <summary>
    /// A schema as comparable text, one line per column in name order: name, type and the settings of its type
    /// (options by name and color); with <paramref name="withIds"/>, the column and option IDs too.
    /// </summary>
    private static List<string> Shape(NotionDatabaseSchema schema, bool withIds = false) =>
        schema.Columns.OrderBy(column => column.Name, StringComparer.Ordinal).Select(column => string.Join("|",
            column.Name, withIds ? column.Id : null, column.Type,
            string.Join(",", (column.Options ?? Array.Empty<NotionSchemaOption>()).Select(option => $"{option.Name}/{option.Color}" + (withIds ? "/" + option.Id : null))),
            column.NumberFormat, column.Expression, column.RelationDataSourceId ?? column.RelationDatabaseId, column.RelationType,
            column.RollupRelation, column.RollupProperty, column.RollupFunction, column.Prefix)).ToList();

    private static bool SentASchemaChange(ScriptResult result) =>
        result.Verbose.Any(line => line.Message.StartsWith("PATCH ", StringComparison.Ordinal) || line.Message.StartsWith("POST v1/databases", StringComparison.Ordinal));

    [Theory]
    [MemberData(nameof(Versions))]
    public void ARoundTripShowsExactlyTheThreeChangesAndGetThenEqualsTheChangedSchema(string apiVersion)
    {
        var host = new TextCaptureHost();
        using var console = Emulator.NewSession(host);
        Connect(apiVersion, console);
        var changed = console.Run("""
            $schema = Get-NotionDatabaseSchema -DatabaseId $tasks
            $schema.Columns += @{ Name = 'Reviewer'; Type = 'people' }
            ($schema.Columns | Where-Object Name -eq 'Notes').Name = 'Details'
            $priority = $schema.Columns | Where-Object Name -eq 'Priority'
            $priority.Options += 'Urgent (orange)'
            $schema
            """, Vars(("tasks", TasksId)));
        Assert.Empty(changed.Errors);

        var whatIf = console.Run("$schema | Set-NotionDatabaseSchema -WhatIf -Verbose; Get-NotionDatabaseSchema -DatabaseId $tasks");
        var set = console.Run("$schema | Set-NotionDatabaseSchema -Confirm:$false -Verbose; Get-NotionDatabaseSchema -DatabaseId $tasks");

        Assert.Empty(whatIf.Errors);
        Assert.Empty(set.Errors);
        var target = apiVersion == "2022-06-28" ? TasksId : EmulatorFixture.TasksDataSourceId;
        Assert.Equal(
            new[]
            {
                $"What if: Performing the operation \"Add option 'Urgent' to column 'Priority'\" on target \"data source 'Tasks' ({target})\".",
                $"What if: Performing the operation \"Rename column 'Notes' to 'Details'\" on target \"data source 'Tasks' ({target})\".",
                $"What if: Performing the operation \"Add column 'Reviewer' (people)\" on target \"data source 'Tasks' ({target})\".",
            },
            host.WhatIfLines);
        Assert.False(SentASchemaChange(whatIf));
        var before = Assert.IsType<NotionDatabaseSchema>(Assert.Single(whatIf.Output).BaseObject);
        Assert.Contains(before.Columns, column => column.Name == "Notes");

        Assert.Single(set.Verbose, line => line.Message.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.Equal(host.WhatIfLines.Select(line => line["What if: ".Length..]), set.Verbose.Select(line => line.Message).Where(line => line.StartsWith("Performing the operation", StringComparison.Ordinal)));
        var wanted = Assert.IsType<NotionDatabaseSchema>(Assert.Single(changed.Output).BaseObject);
        var after = Assert.IsType<NotionDatabaseSchema>(Assert.Single(set.Output).BaseObject);
        Assert.Equal(Shape(wanted), Shape(after));
        Assert.Equal(Shape(before, withIds: true).Where(line => !line.StartsWith("Notes|") && !line.StartsWith("Priority|")),
            Shape(after, withIds: true).Where(line => !line.StartsWith("Details|") && !line.StartsWith("Priority|") && !line.StartsWith("Reviewer|")));
        Assert.Equal(before.Columns.Single(column => column.Name == "Notes").Id, after.Columns.Single(column => column.Name == "Details").Id);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void NewDatabaseFromAnExistingSchemaThroughJsonHasAnEqualSchema(string apiVersion)
    {
        Connect(apiVersion);

        var result = Session.Run("""
            $schema = Get-NotionDatabaseSchema -DatabaseId $tasks
            $copy = $schema | ConvertTo-Json -Depth 5 | ConvertFrom-Json | New-NotionDatabase -ParentId $teamHome -Title 'Tasks copy'
            $copy
            $schema
            Get-NotionDatabaseSchema -DatabaseId $copy.DatabaseId
            """, Vars(("tasks", TasksId), ("teamHome", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal(3, result.Output.Count);
        var database = Assert.IsType<NotionDatabase>(result.Output[0].BaseObject);
        var original = Assert.IsType<NotionDatabaseSchema>(result.Output[1].BaseObject);
        var copy = Assert.IsType<NotionDatabaseSchema>(result.Output[2].BaseObject);
        Assert.Equal("Tasks copy", database.Title);
        Assert.NotEqual(original.DatabaseId, copy.DatabaseId);
        Assert.Contains(original.Columns, column => column.Type == "rollup");
        Assert.Contains(original.Columns, column => column.Type == "formula");
        Assert.Equal(Shape(original), Shape(copy));
    }

    [Theory]
    [InlineData("$schema | ConvertTo-Json -WarningAction SilentlyContinue | ConvertFrom-Json")]
    [InlineData("$schema | Export-Clixml -Path $path; Import-Clixml -Path $path")]
    public void ASchemaBackFromJsonOrClixmlAtTheirDefaultDepthsIsTheSameSchema(string throughFile)
    {
        Connect("2026-03-11");
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "NotionPS.Tests", Guid.NewGuid().ToString("N") + ".xml");
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            var result = Session.Run($"$schema = Get-NotionDatabaseSchema -DatabaseId $tasks; $back = $({throughFile}); $back | Set-NotionDatabaseSchema -Confirm:$false -Verbose -PassThru",
                Vars(("tasks", TasksId), ("path", path)));

            Assert.Empty(result.Errors);
            Assert.False(SentASchemaChange(result));
            Assert.Contains(result.Verbose, line => line.Message.EndsWith("already has this schema: nothing to change.", StringComparison.Ordinal));
            var schema = Assert.IsType<NotionDatabaseSchema>(Assert.Single(result.Output).BaseObject);
            Assert.Equal(17, schema.Columns.Length);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Fact]
    public void MissingColumnsAndOptionsStayUnlessRemoveMissingIsGiven()
    {
        Connect("2026-03-11");
        const string Trimmed = """
            $schema = Get-NotionDatabaseSchema -DatabaseId $tasks
            $schema.Columns = @($schema.Columns | Where-Object Name -ne 'Phone')
            ($schema.Columns | Where-Object Name -eq 'Priority').Options = 'High', 'Low'
            """;

        var kept = Session.Run(Trimmed + "; $schema | Set-NotionDatabaseSchema -Confirm:$false -PassThru", Vars(("tasks", TasksId)));
        var removed = Session.Run(Trimmed + "; $schema | Set-NotionDatabaseSchema -RemoveMissing -Confirm:$false -PassThru", Vars(("tasks", TasksId)));

        Assert.Empty(kept.Errors);
        Assert.Empty(removed.Errors);
        var keptSchema = Assert.IsType<NotionDatabaseSchema>(Assert.Single(kept.Output).BaseObject);
        Assert.Contains(keptSchema.Columns, column => column.Name == "Phone");
        Assert.Equal(3, keptSchema.Columns.Single(column => column.Name == "Priority").Options!.Length);
        var removedSchema = Assert.IsType<NotionDatabaseSchema>(Assert.Single(removed.Output).BaseObject);
        Assert.DoesNotContain(removedSchema.Columns, column => column.Name == "Phone");
        Assert.Equal(new[] { "High", "Low" }, removedSchema.Columns.Single(column => column.Name == "Priority").Options!.Select(option => option.Name));
    }

    [Fact]
    public void AColumnTypeChangeConvertsTheValuesAndANewDatabaseTakesTypeNamesAndDefinitions()
    {
        Connect("2025-09-03");

        var result = Session.Run("""
            $schema = Get-NotionDatabaseSchema -DatabaseId $tasks
            ($schema.Columns | Where-Object Name -eq 'Estimate').Type = 'rich_text'
            $schema | Set-NotionDatabaseSchema -Confirm:$false
            (Get-NotionDatabaseRow -DatabaseId $tasks | Where-Object Estimate | Select-Object -First 1).Estimate.GetType().Name
            $database = New-NotionDatabase -ParentId $teamHome -Title Inventory -Property ([ordered]@{
                Item = 'title'; Count = @{ Type = 'number'; NumberFormat = 'dollar' }; Kind = @{ Type = 'Select'; Options = 'Tool (red)', 'Part' }
                Tags = @{ multi_select = @{ options = @(@{ name = 'new'; color = 'blue' }) } }; Note = 'text' })
            (Get-NotionDatabaseSchema -DatabaseId $database).Columns
            """, Vars(("tasks", TasksId), ("teamHome", TeamHomeId)));

        Assert.Empty(result.Errors);
        Assert.Equal("String", result.Output[0].BaseObject);
        var columns = result.Output.Skip(1).Select(item => Assert.IsType<NotionSchemaColumn>(item.BaseObject)).ToList();
        Assert.Equal(
            new[] { "Item|title||", "Count|number||dollar", "Kind|select|Tool/red,Part/default|", "Tags|multi_select|new/blue|", "Note|rich_text||" },
            columns.Select(column => $"{column.Name}|{column.Type}|{string.Join(",", (column.Options ?? Array.Empty<NotionSchemaOption>()).Select(o => $"{o.Name}/{o.Color}"))}|{column.NumberFormat}"));
    }

    [Theory]
    [InlineData("$schema.Columns += @{ Name = 'Size'; Type = 'numbr' }", "NotionSchemaUnknownType", "'numbr'")]
    [InlineData("$schema.Columns += @{ Name = 'Notes'; Type = 'rich_text' }", "NotionSchemaDuplicateColumn", "'Notes'")]
    [InlineData("($schema.Columns | Where-Object Name -eq 'Done').Name = 'Notes'", "NotionSchemaDuplicateColumn", "'Notes'")]
    [InlineData("$schema.Columns += @{ Name = 'Heading'; Type = 'title' }", "NotionSchemaSecondTitle", "'Heading'")]
    [InlineData("$schema.Columns = @($schema.Columns | Where-Object Type -ne 'title'); $remove = $true", "NotionSchemaTitleRemoved", "'Name' (id title)")]
    [InlineData("$schema.Columns += @{ Name = 'Parent'; Type = 'relation'; RelationDataSourceId = '00000000-0000-4000-8000-0000000000aa' }", "NotionSchemaUnknownRelationTarget", "00000000-0000-4000-8000-0000000000aa")]
    [InlineData("($schema.Columns | Where-Object Name -eq 'Status').Options = 'Not started'; $remove = $true", "NotionSchemaUnsupportedChange", "'In progress' of status column 'Status'")]
    [InlineData("($schema.Columns | Where-Object Name -eq 'Priority').Options += 'a,b'", "NotionSchemaInvalid", "Option 'a,b' of column 'Priority' has a comma")]
    [InlineData("$schema.DataSourceId = ''; $schema.DatabaseId = ''", "NotionSchemaNoTarget", "names no data source")]
    [InlineData("($schema.Columns | Where-Object Name -eq 'Notes').Name = ' '", "NotionSchemaInvalid", "only white space")]
    public void ASchemaThatCannotBeAppliedIsOneClearErrorAndChangesNothing(string change, string errorId, string named)
    {
        Connect("2026-03-11");

        var result = Session.Run(
            "$remove = $false; $schema = Get-NotionDatabaseSchema -DatabaseId $tasks; " + change + "; $schema | Set-NotionDatabaseSchema -RemoveMissing:$remove -Confirm:$false -Verbose; (Get-NotionDatabaseSchema -DatabaseId $tasks).Columns.Count",
            Vars(("tasks", TasksId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(errorId + ",NotionPS.Cmdlets.SetNotionDatabaseSchemaCommand", error.FullyQualifiedErrorId);
        Assert.Contains(named, error.ErrorDetails.Message);
        Assert.False(string.IsNullOrEmpty(error.ErrorDetails.RecommendedAction));
        Assert.Equal(17, Assert.Single(result.Output).BaseObject);
        Assert.Equal(errorId == "NotionSchemaChangeRefused", result.Verbose.Any(line => line.Message.StartsWith("PATCH ", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("@{ Name = 'title'; ' ' = 'number' }")]
    [InlineData("@{ Name = 'title'; '' = 'number' }")]
    [InlineData("@{ Name = 'title'; \"`t\" = @{ Type = 'number' } }")]
    public void AColumnNamedOnlyByWhiteSpaceIsRefusedBeforeAnythingIsSent(string property)
    {
        Connect("2026-03-11");

        var result = Session.Run($"New-NotionDatabase -ParentId $teamHome -Title 'Blank column' -Property {property} -Verbose", Vars(("teamHome", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionSchemaInvalid,NotionPS.Cmdlets.NewNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Contains("every column needs one", error.Exception.Message);
        Assert.DoesNotContain(result.Verbose, line => line.Message.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Empty(result.Output);
    }

    /// <summary>An option name Notion refuses (a comma in it) is refused before New-NotionDatabase sends anything; before, Notion's refusal came back.</summary>
    [Fact]
    public void AnOptionNameWithACommaIsRefusedBeforeADatabaseIsCreated()
    {
        Connect("2026-03-11");

        var result = Session.Run("New-NotionDatabase -ParentId $teamHome -Title 'Comma option' -Property @{ Name = 'title'; Tags = @{ Type = 'multi_select'; Options = 'a', 'b, c' } } -Verbose", Vars(("teamHome", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionSchemaInvalid,NotionPS.Cmdlets.NewNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.StartsWith("Option 'b, c' of column 'Tags' has a comma, which Notion does not allow in an option name.", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(result.Verbose, line => line.Message.StartsWith("POST ", StringComparison.Ordinal));
        Assert.Empty(result.Output);
    }

    [Fact]
    public void ABadColumnOfNewNotionDatabaseCreatesNothingAndTheNextInputIsStillCreated()
    {
        Connect("2026-03-11");

        var result = Session.Run("""
            $good = [pscustomobject]@{ Title = 'Good'; Columns = @(@{ Name = 'Name'; Type = 'title' }) }
            $bad = [pscustomobject]@{ Title = 'Bad'; Columns = @(@{ Name = 'Size'; Type = 'numbr' }) }
            $bad, $good | New-NotionDatabase -ParentId $teamHome -Verbose
            """, Vars(("teamHome", TeamHomeId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionSchemaUnknownType,NotionPS.Cmdlets.NewNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Single(result.Verbose, line => line.Message.StartsWith("POST v1/databases", StringComparison.Ordinal));
        Assert.Equal("Good", Assert.IsType<NotionDatabase>(Assert.Single(result.Output).BaseObject).Title);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async System.Threading.Tasks.Task ASchemaIsReadWithOneRequestForTheDataSource(string version)
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Schema requests");
        Connect(version);
        var before = (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]!;

        var result = Session.Run("$null = Get-NotionDatabaseSchema $db -Verbose", Vars(("db", databaseId)));

        Assert.Empty(result.Errors);
        var sent = result.Verbose.Select(line => line.Message).Where(message => message.StartsWith("GET ", StringComparison.Ordinal) && message.Contains(" -> ", StringComparison.Ordinal))
            .Select(message => message.Split(' ')[1]).ToList();
        var expected = version == "2022-06-28" ? new[] { "v1/databases/" + databaseId } : new[] { "v1/databases/" + databaseId, "v1/data_sources/" + dataSourceId };
        Assert.Equal(expected, sent);
        Assert.Equal(expected.Length, (long)(await Emulator.IntegrationStatsAsync("NotionPS Demo"))["requests"]! - before);
    }

    /// <summary>
    /// A schema object that refers back to itself through a member added with Add-Member (at the top or a level down) is
    /// NotionValueCyclic naming where, through both cmdlets that take one; it used to end the process with a stack overflow.
    /// </summary>
    [Theory]
    [InlineData("$s | Add-Member -NotePropertyName Self -NotePropertyValue $s", "InputObject.Self is InputObject itself")]
    [InlineData("$s.Columns[0] | Add-Member -NotePropertyName Back -NotePropertyValue $s", "InputObject.Columns[0].Back is InputObject itself")]
    [InlineData("$o = ($s.Columns | Where-Object Options)[0].Options[0]; $o | Add-Member -NotePropertyName Again -NotePropertyValue $o", ".Again is InputObject.Columns[")]
    public void ASchemaObjectThatRefersBackToItselfIsNotionValueCyclic(string cycle, string named)
    {
        Connect("2026-03-11");
        foreach (var command in new[] { "Set-NotionDatabaseSchema -InputObject $s -WhatIf", "New-NotionDatabase -ParentId $page -InputObject $s -WhatIf" })
        {
            var result = Session.Run($"$s = Get-NotionDatabaseSchema -DatabaseId $tasks; {cycle}; {command}", Vars(("tasks", TasksId), ("page", TeamHomeId)));

            var error = Assert.Single(result.Errors);
            Assert.StartsWith("NotionValueCyclic,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
            Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        }
    }

    /// <summary>A schema whose column holds a live .NET object (a process) is refused naming it, not read as its text.</summary>
    [Fact]
    public void ASchemaHoldingALiveObjectIsNotionValueNotData()
    {
        Connect("2026-03-11");

        var result = Session.Run("Set-NotionDatabaseSchema -DatabaseId $tasks -InputObject @{ Columns = @(@{ Name = (Get-Process -Id $PID); Type = 'text' }) } -WhatIf", Vars(("tasks", TasksId)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("NotionValueNotData,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("InputObject.Columns[0].Name is a live System.Diagnostics.Process object", error.ToString(), StringComparison.Ordinal);
    }
}
