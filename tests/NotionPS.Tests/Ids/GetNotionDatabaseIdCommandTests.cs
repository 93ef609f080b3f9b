using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.Ids;

/// <summary>Get-NotionDatabaseId in the real engine, imported from the staged manifest.</summary>
public class GetNotionDatabaseIdCommandTests : IClassFixture<ModuleSession>
{
    private const string TasksUrl = "https://www.notion.so/acme/Tasks-1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6?v=aaaabbbbccccddddeeeeffff00001111";
    private const string TasksId = "1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6";
    private const string PrivateNotesUrl = "https://www.notion.so/acme/Private-Notes-3c4d5e6f70814b92a0d1e2f3a4b5c6d7?v=bbbbccccddddeeeeffff000011112222";
    private const string PrivateNotesId = "3c4d5e6f-7081-4b92-a0d1-e2f3a4b5c6d7";
    private const string ErrorId = "InvalidNotionUrl,NotionPS.Cmdlets.GetNotionDatabaseIdCommand";

    private readonly ModuleSession session;

    public GetNotionDatabaseIdCommandTests(ModuleSession session) => this.session = session;

    private static Dictionary<string, object?> Urls(params object?[] urls) => new() { ["urls"] = urls };

    [Fact]
    public void WritesOneObjectPerGoodInputAndOneErrorPerBadOneAndCarriesOn()
    {
        var result = session.Run("$urls | Get-NotionDatabaseId", Urls(TasksUrl, "bad", PrivateNotesUrl));

        var ids = result.OutputOf<NotionDatabaseId>();
        Assert.Equal([TasksId, PrivateNotesId], ids.Select(id => id.DatabaseId));
        Assert.Equal([TasksUrl, PrivateNotesUrl], ids.Select(id => id.Url));
        Assert.Equal("aaaabbbb-cccc-dddd-eeee-ffff00001111", ids[0].ViewId);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("InvalidNotionUrl,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal("bad", error.TargetObject);
        Assert.Contains("'bad' is not a Notion link or ID", error.Exception.Message);
    }

    [Fact]
    public void TakesSeveralUrlsByPositionInOneCall()
    {
        var result = session.Run("Get-NotionDatabaseId $urls", Urls(TasksUrl, PrivateNotesUrl));

        Assert.Empty(result.Errors);
        Assert.Equal([TasksId, PrivateNotesId], result.OutputOf<NotionDatabaseId>().Select(id => id.DatabaseId));
    }

    [Fact]
    public void TakesAGuidFromThePipeline()
    {
        var result = session.Run("[guid]$urls[0] | Get-NotionDatabaseId", Urls(TasksId));

        Assert.Empty(result.Errors);
        Assert.Equal(TasksId, Assert.Single(result.OutputOf<NotionDatabaseId>()).DatabaseId);
    }

    [Theory]
    [InlineData("Url")]
    [InlineData("Link")]
    [InlineData("Href")]
    [InlineData("Id")]
    [InlineData("DatabaseId")]
    public void BindsByPropertyName(string propertyName)
    {
        var result = session.Run(
            "[pscustomobject]@{ $name = $url } | Get-NotionDatabaseId",
            new Dictionary<string, object?> { ["name"] = propertyName, ["url"] = TasksUrl });

        Assert.Empty(result.Errors);
        Assert.Equal(TasksId, Assert.Single(result.OutputOf<NotionDatabaseId>()).DatabaseId);
    }

    [Fact]
    public void ItsOwnOutputPipesBackIn()
    {
        var result = session.Run("Get-NotionDatabaseId $urls | Get-NotionDatabaseId", Urls(TasksUrl));

        Assert.Empty(result.Errors);
        var roundTripped = Assert.Single(result.OutputOf<NotionDatabaseId>());
        Assert.Equal(TasksId, roundTripped.DatabaseId);
        Assert.Equal("aaaabbbb-cccc-dddd-eeee-ffff00001111", roundTripped.ViewId);
    }

    [Fact]
    public void ErrorVariableHoldsTheErrorWithTheInputAsTarget()
    {
        var viewOnly = "https://www.notion.so/acme?v=aaaabbbbccccddddeeeeffff00001111";
        var result = session.Run(
            "Get-NotionDatabaseId -Url $urls -ErrorVariable badUrls -ErrorAction SilentlyContinue; $badUrls",
            Urls(viewOnly));

        Assert.Empty(result.Errors);
        var error = Assert.IsType<ErrorRecord>(Assert.Single(result.Output).BaseObject);
        Assert.Equal(ErrorId, error.FullyQualifiedErrorId);
        Assert.Equal(viewOnly, error.TargetObject);
        Assert.Contains("view ID (after ?v=), not the database ID", error.Exception.Message);
    }

    [Theory]
    [InlineData("'' | Get-NotionDatabaseId")]
    [InlineData("$null | Get-NotionDatabaseId")]
    [InlineData("Get-NotionDatabaseId -Url $null")]
    [InlineData("Get-NotionDatabaseId -Url '   '")]
    public void NullOrEmptyInputIsAnInvalidNotionUrlError(string script)
    {
        var result = session.Run(script);

        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal(ErrorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.StartsWith("No URL or ID was given.", error.Exception.Message);
    }

    [Fact]
    public void ErrorActionStopMakesTheFirstBadInputTerminating()
    {
        var thrown = Assert.Throws<ActionPreferenceStopException>(
            () => session.Run("$urls | Get-NotionDatabaseId -ErrorAction Stop", Urls("bad", TasksUrl)));

        Assert.Equal(ErrorId, thrown.ErrorRecord.FullyQualifiedErrorId);
    }

    [Fact]
    public void OutputReadsAsTheId()
    {
        var result = session.Run("\"$(Get-NotionDatabaseId $urls)\"", Urls(TasksUrl));

        Assert.Equal(TasksId, Assert.Single(result.Output).BaseObject);
    }

    [Fact]
    public void DeclaresItsOutputType()
    {
        var result = session.Run("(Get-Command Get-NotionDatabaseId).OutputType.Type");

        Assert.Equal(typeof(NotionDatabaseId).FullName, Assert.Single(result.Output).ToString());
    }
}
