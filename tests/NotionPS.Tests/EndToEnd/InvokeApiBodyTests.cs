using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Invoke-NotionApi -Body takes JSON text or data (hashtables, objects, arrays, strings, numbers, dates): code, secrets,
/// types and streams are no JSON, and are refused before anything is sent rather than sent as their properties or text.
/// So are they in Get-NotionDatabaseRow -Filter and -Where and in the cells given to Add- and Set-NotionDatabaseRow,
/// which take the same walk to JSON (NotionValueNotData, naming where and the type, never a secret's text).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class InvokeApiBodyTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    private const string Secret = "hunter2-do-not-send";

    [Theory]
    [InlineData("{ $secret }", "a ScriptBlock")]
    [InlineData("(ConvertTo-SecureString $secret -AsPlainText -Force)", "a SecureString")]
    [InlineData("([pscredential]::new('ada', (ConvertTo-SecureString $secret -AsPlainText -Force)))", "a PSCredential")]
    [InlineData("([string])", "a Type")]
    [InlineData("([System.IO.MemoryStream]::new([Text.Encoding]::UTF8.GetBytes($secret)))", "a Stream")]
    [InlineData("@{ query = 'x'; filter = @{ value = (ConvertTo-SecureString $secret -AsPlainText -Force) } }", "a SecureString")]
    [InlineData("[pscustomobject]@{ query = 'x'; run = { $secret } }", "a ScriptBlock")]
    [InlineData("Get-Item ([IO.Path]::GetTempPath())", "Body is a live System.IO.DirectoryInfo object")]
    [InlineData("Get-Process -Id $PID", "Body is a live System.Diagnostics.Process object")]
    [InlineData("@{ query = (Get-Process -Id $PID) }", "Body.query is a live System.Diagnostics.Process object")]
    public void ABodyThatIsNotDataIsNotionInvalidBodyAndNothingIsSent(string body, string named)
    {
        using var proxy = ConnectThroughProxy();
        var before = proxy.Requests.Count;

        var error = RunExpectingTerminatingError($"Invoke-NotionApi v1/search -Method POST -Body ({body}) -Debug", Vars(("secret", Secret)));

        Assert.StartsWith("NotionInvalidBody,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.Contains("hashtable", error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.TargetObject?.ToString() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(before, proxy.Requests.Count);
    }

    /// <summary>Data of every kind PowerShell users pass is still sent as JSON.</summary>
    [Fact]
    public void DataIsStillSent()
    {
        Connect("2026-03-11");

        var result = Session.Run("(Invoke-NotionApi v1/search -Method POST -Body ([pscustomobject]@{ query = 'Team'; page_size = [byte]5; filter = [ordered]@{ property = 'object'; value = 'page' } })).object");

        Assert.Empty(result.Errors);
        Assert.Equal("list", Assert.Single(result.Output).BaseObject);
    }

    [Theory]
    [InlineData("-Filter @{ property = 'Name'; title = @{ equals = (ConvertTo-SecureString $secret -AsPlainText -Force) } }", "Filter.title.equals is a SecureString")]
    [InlineData("-Filter @{ or = @(@{ property = 'Name'; title = @{ equals = { $secret } } }) }", "Filter.or[0].title.equals is a ScriptBlock")]
    [InlineData("-Where @{ Name = (ConvertTo-SecureString $secret -AsPlainText -Force) }", "Name is a SecureString")]
    [InlineData("-Filter @{ property = 'Name'; title = @{ equals = (Get-Item ([IO.Path]::GetTempPath())) } }", "Filter.title.equals is a live System.IO.DirectoryInfo object")]
    [InlineData("-Where @{ Name = (Get-Process -Id $PID) }", "Name is a live System.Diagnostics.Process object")]
    public void AFilterThatIsNotDataIsRefusedAndNoQueryIsSent(string parameters, string named)
    {
        using var proxy = ConnectThroughProxy();

        var result = Session.Run($"Get-NotionDatabaseRow -DatabaseId $db {parameters} -Debug *>&1", Vars(("secret", Secret), ("db", TasksId)));

        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output, item => item.BaseObject is ErrorRecord).BaseObject);
        Assert.StartsWith("NotionValueNotData,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains(named, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(result.Output, item => item.ToString().Contains(Secret, StringComparison.Ordinal));
        Assert.Empty(proxy.Queries);
    }

    /// <summary>A script block given to -Sort (as to Sort-Object) is still no sort, whose message says what a sort is.</summary>
    [Fact]
    public void AScriptBlockSortIsStillNotASort()
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Get-NotionDatabaseRow -DatabaseId $db -Sort { $_.Name } -ErrorAction Stop", Vars(("db", TasksId)));

        Assert.StartsWith("NotionSortInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("ScriptBlock, not a sort", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A cell that is code or a secret fails its own row, naming the column and the type; the other rows are written.</summary>
    [Fact]
    public async Task ARowCellThatIsNotDataFailsItsRowAndTheOthersAreWritten()
    {
        var (databaseId, dataSourceId) = await NewDatabaseAsync("Not data cells");
        var changed = (await SeedRowsAsync(dataSourceId, [new JsonObject { ["properties"] = new JsonObject { ["Name"] = "Kept", ["Notes"] = "As it was" } }])).Single();
        Connect("2026-03-11");

        var result = Session.Run(
            "@{ Name = 'A' }, @{ Name = 'B'; Notes = (ConvertTo-SecureString $secret -AsPlainText -Force) }, @{ Name = 'C'; Notes = { $secret } }, @{ Name = 'D' } | Add-NotionDatabaseRow -DatabaseId $db\n"
            + "Set-NotionDatabaseRow -PageId $changed -Property @{ Notes = [pscredential]::new('ada', (ConvertTo-SecureString $secret -AsPlainText -Force)) }",
            Vars(("secret", Secret), ("db", databaseId), ("changed", changed)));

        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.StartsWith("NotionValueNotData,", error.FullyQualifiedErrorId, StringComparison.Ordinal));
        Assert.All(result.Errors, error => Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category));
        Assert.Contains("Notes is a SecureString", result.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("Notes is a ScriptBlock", result.Errors[1].ToString(), StringComparison.Ordinal);
        Assert.Contains("Notes is a PSCredential", result.Errors[2].ToString(), StringComparison.Ordinal);
        Assert.All(result.Errors, error => Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal));
        // The target is the input itself, as for any row's error (it holds no token, so it is not replaced by its redacted text).
        var target = Assert.IsAssignableFrom<System.Collections.IDictionary>(Unwrapped(result.Errors[1].TargetObject));
        Assert.Equal("C", target["Name"]);
        Assert.IsType<ScriptBlock>(target["Notes"]);
        Assert.Equal(["A", "D", "Kept"], (await Emulator.QueryTitlesAsync(dataSourceId, string.Empty)).Order(StringComparer.Ordinal));
        var notes = Session.Run("(Get-NotionDatabaseRow -DataSourceId $ds -Where @{ Name = 'Kept' }).Notes", Vars(("ds", dataSourceId)));
        Assert.Equal("As it was", Assert.Single(notes.Output).ToString());
    }
}
