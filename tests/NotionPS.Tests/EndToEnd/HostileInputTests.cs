using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Values that contain themselves, or are nested far too deep, through every parameter that takes
/// nested values: each is one clear error for that row or call (a stack overflow would end the test run).
/// </summary>
[Collection(EmulatorCollection.Name)]
public class HostileInputTests : RowsTestBase
{
    /// <summary>Every parameter that can carry nested user values, and a script that sends $value through it.</summary>
    private static readonly Dictionary<string, string> ThroughParameter = new()
    {
        ["Add-NotionDatabaseRow -InputObject"] = "@{ Name = 'before' }, @{ Name = 'bad'; Notes = $value }, @{ Name = 'after' } | Add-NotionDatabaseRow $db",
        ["Set-NotionDatabaseRow -InputObject"] = "[pscustomobject]@{ PageId = $page; Notes = $value }, [pscustomobject]@{ PageId = $page; Notes = 'after' } | Set-NotionDatabaseRow -PassThru",
        ["Set-NotionDatabaseRow -Property"] = "Set-NotionDatabaseRow $page -Property @{ Notes = $value }",
        ["Get-NotionDatabaseRow -Filter"] = "Get-NotionDatabaseRow $db -Filter @{ property = 'Name'; title = $value }",
        ["Get-NotionDatabaseRow -Where"] = "Get-NotionDatabaseRow $db -Where @{ Name = $value }",
        ["Get-NotionDatabaseRow -Sort"] = "Get-NotionDatabaseRow $db -Sort @($value)",
        ["Export-NotionDatabase -Filter"] = "Export-NotionDatabase $db -Path (Join-Path ([IO.Path]::GetTempPath()) \"hostile-$PID.csv\") -Filter @{ property = 'Name'; title = $value }",
        ["Export-NotionDatabase -Where"] = "Export-NotionDatabase $db -Path (Join-Path ([IO.Path]::GetTempPath()) \"hostile-$PID.csv\") -Where @{ Name = $value }",
        ["Invoke-NotionApi -Body"] = "Invoke-NotionApi v1/search -Method POST -Body @{ query = $value }",
        ["New-NotionPage -Property"] = "New-NotionPage -ParentId $db -Title 'bad' -Property @{ Notes = $value }",
        ["New-NotionDatabase -Property"] = "New-NotionDatabase -ParentId $page -Title Hostile -Property @{ Notes = $value }",
        ["New-NotionDatabase -InputObject"] = "[pscustomobject]@{ Name = $value; Columns = @() } | New-NotionDatabase -ParentId $page",
        ["Set-NotionDatabaseSchema -InputObject"] = "[pscustomobject]@{ Name = $value; Columns = @() } | Set-NotionDatabaseSchema -DatabaseId $db -Confirm:$false",
        ["Sync-NotionDatabaseRow -InputObject"] = "@{ Name = 'before' }, @{ Name = 'bad'; Notes = $value }, @{ Name = 'after' } | Sync-NotionDatabaseRow $db -Key Name -PassThru",
    };

    /// <summary>PowerShell that sets $value, and the error it must give.</summary>
    private static readonly Dictionary<string, (string Script, string ErrorId)> Values = new()
    {
        ["hashtable containing itself"] = ("$value = @{ a = 1 }; $value.self = $value", "NotionValueCyclic"),
        ["array containing itself"] = ("$value = @(1, 2); $value[1] = $value", "NotionValueCyclic"),
        ["PSCustomObject containing itself"] = ("$value = [pscustomobject]@{ a = 1 }; $value.a = [pscustomobject]@{ back = $value }", "NotionValueCyclic"),
        ["object referring to itself through Add-Member"] = ("$value = [pscustomobject]@{ a = 1 }; $value | Add-Member -NotePropertyName self -NotePropertyValue $value", "NotionValueCyclic"),
        ["object 100,000 levels deep through Add-Member"] = ("$value = [pscustomobject]@{}; $at = $value; for ($i = 0; $i -lt 100000; $i++) { $next = [pscustomobject]@{}; $at.psobject.Properties.Add([psnoteproperty]::new('a', $next)); $at = $next }", "NotionValueTooDeep"),
        ["hashtable 100,000 levels deep"] = ("$value = @{}; $at = $value; for ($i = 0; $i -lt 100000; $i++) { $next = @{}; $at.a = $next; $at = $next }", "NotionValueTooDeep"),
        ["array 10,000 levels deep"] = ("$value = @(); for ($i = 0; $i -lt 10000; $i++) { $value = , $value }", "NotionValueTooDeep"),
    };

    public HostileInputTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    public static IEnumerable<object[]> Cases => ThroughParameter.Keys.SelectMany(parameter => Values.Keys.Select(value => new object[] { parameter, value }));

    [Fact]
    public void EveryParameterThatTakesNestedValuesIsCovered()
    {
        var nestedTypes = new[] { typeof(object), typeof(object[]), typeof(Hashtable), typeof(IDictionary), typeof(PSObject), typeof(PSObject[]) };
        var parameters = typeof(NotionConnection).Assembly.GetTypes()
            .Select(type => (Type: type, Cmdlet: type.GetCustomAttribute<CmdletAttribute>()))
            .Where(cmdlet => cmdlet.Cmdlet != null)
            .SelectMany(cmdlet => cmdlet.Type.GetProperties()
                .Where(property => property.GetCustomAttributes<ParameterAttribute>().Any() && nestedTypes.Contains(property.PropertyType))
                .Select(property => $"{cmdlet.Cmdlet!.VerbName}-{cmdlet.Cmdlet.NounName} -{property.Name}"))
            .OrderBy(name => name, StringComparer.Ordinal);

        Assert.Equal(ThroughParameter.Keys.OrderBy(name => name, StringComparer.Ordinal), parameters);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ASelfContainingOrTooDeepValueIsOneErrorNamingWhere(string parameter, string value)
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile");
        Connect("2026-03-11");
        var page = Session.Run("(Add-NotionDatabaseRow $db @{ Name = 'existing' }).PageId", new Dictionary<string, object?> { ["db"] = databaseId }).Output.Single().BaseObject;

        var result = Session.Run(Values[value].Script + "\n" + ThroughParameter[parameter], new Dictionary<string, object?> { ["db"] = databaseId, ["page"] = page });

        var error = Assert.Single(result.Errors);
        Assert.StartsWith(Values[value].ErrorId + ",", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Matches(@"^(Row [^:]+: )?((InputObject|Property)\.)?(Notes|Name|Body\.query|Filter\.title|Sort)[.\[]", error.ToString());
        if (parameter.StartsWith("Add", StringComparison.Ordinal))
        {
            Assert.Equal(new[] { "before", "after" }, result.Output.Select(row => row.Properties["Name"].Value));
        }

        if (parameter.StartsWith("Sync", StringComparison.Ordinal))
        {
            Assert.Equal(new[] { ("Added", "before"), ("Added", "after") }, result.OutputOf<NotionSyncResult>().Select(outcome => (outcome.Action, outcome.Key)));
        }

        if (parameter == "Set-NotionDatabaseRow -InputObject")
        {
            Assert.Equal("after", Assert.Single(result.Output).Properties["Notes"].Value);
        }
    }

    /// <summary>A row's title or sync key in its errors is cut short and its control characters shown, through Add and Sync alike.</summary>
    [Theory]
    [InlineData("Add-NotionDatabaseRow $db", "Row 2 (\"")]
    [InlineData("Sync-NotionDatabaseRow $db -Key Name -PassThru", "Row 2 (key \"")]
    public async Task ARowLabelQuotesAHostileTitleShortAndVisible(string command, string label)
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile titles");
        Connect("2026-03-11");

        var result = Session.Run(
            "@{ Name = 'before' }, @{ Name = \"`e]0;pwned`a\" + ('x' * 100000); Estimate = 'not a number' }, @{ Name = 'after' } | " + command,
            new Dictionary<string, object?> { ["db"] = databaseId });

        Assert.Equal(2, result.Output.Count);
        var message = Assert.Single(result.Errors).ToString();
        Assert.StartsWith(label + "\\u001B]0;pwned\\u0007xxx", message, StringComparison.Ordinal);
        Assert.Contains("...\")", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', message);
        Assert.True(message.Length < 1000, $"{message.Length} characters");
    }

    [Theory]
    [InlineData("Add-NotionDatabaseRow $db @{ Name = 'x'; Estimate = $bad }")]
    [InlineData("Add-NotionDatabaseRow $db @{ Name = 'x'; Due = $bad }")]
    [InlineData("Set-NotionDatabaseRow $page -Property @{ Done = $bad }")]
    [InlineData("Get-NotionDatabaseRow $db -Where @{ Estimate = $bad }")]
    public async Task AValueACellCannotTakeIsQuotedVisible(string script)
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile values");
        Connect("2026-03-11");
        var page = Session.Run("(Add-NotionDatabaseRow $db @{ Name = 'existing' }).PageId", new Dictionary<string, object?> { ["db"] = databaseId }).Output.Single().BaseObject;

        var result = Session.Run("$bad = \"`e]0;pwned`a\" + ('x' * 1000); " + script, new Dictionary<string, object?> { ["db"] = databaseId, ["page"] = page });

        var message = Assert.Single(result.Errors).ToString();
        Assert.Contains("cannot take '\\u001B]0;pwned\\u0007xxx", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', message);
        Assert.DoesNotContain('\u0007', message);
    }

    /// <summary>A column name no column has (a CSV header from anyone) is quoted cut short with its control characters shown.</summary>
    [Fact]
    public async Task AnUnknownColumnIsQuotedShortAndVisible()
    {
        var (databaseId, _) = await NewDatabaseAsync("Hostile headers");
        Connect("2026-03-11");

        var result = Session.Run("$row = @{ Name = 'x' }; $row[\"`e]0;pwned`a\" + ('y' * 100000)] = 1; $row | Add-NotionDatabaseRow $db", new Dictionary<string, object?> { ["db"] = databaseId });

        var message = Assert.Single(result.Errors).ToString();
        Assert.Contains("No column named '\\u001B]0;pwned\\u0007yyy", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001B', message);
        Assert.True(message.Length < 2000, $"{message.Length} characters");
    }
}
