using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// What PowerShell itself binds to a database parameter (NotionDatabaseBind) from the pipeline, in the
/// hosted engine: every kind of input that names a database reaches it, and a bad item is one error.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class PipeBindingTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    private const string Connect = "$null = Connect-NotionIntegration -Token $token -BaseUri $emu; ";

    private static readonly Dictionary<string, object?> Variables = new()
    {
        ["id"] = EmulatorFixture.TasksDatabaseId,
        ["url"] = EmulatorFixture.TasksUrl,
        ["dataSourceId"] = EmulatorFixture.TasksDataSourceId,
    };

    public static TheoryData<string> InputsNamingTasks => new()
    {
        "$id",
        "Write-Output $id",
        "$url",
        "Get-NotionDatabaseId $url",
        "Find-NotionDatabase Tasks",
        "(Get-NotionDatabase $id).DataSources",
        "Get-NotionDatabaseRow -DatabaseId $id -First 1",
        "[pscustomobject]@{ Link = $url }",
        "[pscustomobject]@{ Href = $url }",
        "@{ DatabaseId = $id }",
        "\"DataSourceId,DatabaseId`n,$id\" | ConvertFrom-Csv",
    };

    [Theory]
    [MemberData(nameof(InputsNamingTasks))]
    public void EveryInputThatNamesADatabaseIsTested(string input)
    {
        var result = Session.Run(Connect + $"{input} | Test-NotionDatabaseAccess", Variables);

        Assert.Empty(result.Errors);
        var access = Assert.Single(result.OutputOf<NotionDatabaseAccess>());
        Assert.Equal((EmulatorFixture.TasksDatabaseId, NotionDatabaseAccessStatus.Accessible), (access.DatabaseId, access.Status));
    }

    [Theory]
    [MemberData(nameof(InputsNamingTasks))]
    public void EveryInputThatNamesADatabaseIsRead(string input)
    {
        var result = Session.Run(Connect + $"{input} | Get-NotionDatabase", Variables);

        Assert.Empty(result.Errors);
        Assert.Equal(EmulatorFixture.TasksDatabaseId, Assert.Single(result.OutputOf<NotionDatabase>()).DatabaseId);
    }

    [Theory]
    [InlineData("'bad', $id | Test-NotionDatabaseAccess")]
    [InlineData("Test-NotionDatabaseAccess -DatabaseId 'bad', $id")]
    [InlineData("'bad', $id | Get-NotionDatabase")]
    public void ABadItemIsOneInvalidNotionUrlAndTheNextIsStillRead(string script)
    {
        var result = Session.Run(Connect + script, Variables);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidNotionUrl,NotionPS.Cmdlets.", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.Contains("'bad' is not a Notion link or ID", error.Exception.Message);
        var output = Assert.Single(result.Output).BaseObject;
        Assert.Equal(EmulatorFixture.TasksDatabaseId, output is NotionDatabase database ? database.DatabaseId : ((NotionDatabaseAccess)output).DatabaseId);
    }

    [Theory]
    [InlineData("[pscustomobject]@{ Title = 'Tasks' }", "has no DatabaseId, DataSourceId, Url, Link or Href property")]
    [InlineData("[pscustomobject]@{ DataSourceId = $dataSourceId }", "names no database")]
    [InlineData("''", "No URL or ID was given")]
    [InlineData("@{ DatabaseId = 'https://example.com/1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6' }", "not to Notion")]
    public void AnObjectThatNamesNoDatabaseIsRefusedAtTheCmdletNotAtBinding(string input, string expectedText)
    {
        var result = Session.Run(Connect + $"{input}, $id | Test-NotionDatabaseAccess", Variables);

        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidNotionUrl,NotionPS.Cmdlets.TestNotionDatabaseAccessCommand", error.FullyQualifiedErrorId);
        Assert.Contains(expectedText, error.Exception.Message);
        Assert.NotNull(error.TargetObject);
        Assert.Equal(EmulatorFixture.TasksDatabaseId, Assert.Single(result.OutputOf<NotionDatabaseAccess>()).DatabaseId);
    }

    [Fact]
    public void AnApiFailureNamesTheObjectAsGiven()
    {
        var result = Session.Run(Connect + "[pscustomobject]@{ Link = $notes } | Get-NotionDatabase", new Dictionary<string, object?> { ["notes"] = EmulatorFixture.PrivateNotesUrl });

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionObjectNotFound,NotionPS.Cmdlets.GetNotionDatabaseCommand", error.FullyQualifiedErrorId);
        Assert.Equal(EmulatorFixture.PrivateNotesUrl, ((PSObject)error.TargetObject).Properties["Link"].Value);
        Assert.Empty(result.Output);
    }
}
