using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using NotionPS.Tests.Errors;
using NotionPS.Tests.Hosting;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Set-NotionPageContent and New-NotionPage when a content request fails: a failure before anything was written is
/// Notion's own error, as Get-NotionPageContent and Set-NotionPage give it; only a write that stopped midway is
/// NotionPageContentIncomplete, naming what is on the page.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class PageContentFailureTests : RowsTestBase
{
    private const string Missing = "e1000000-0000-4000-8000-00000000dead";

    public PageContentFailureTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Theory]
    [InlineData("token", Missing, "NotionObjectNotFound", ErrorCategory.ObjectNotFound, "404 object_not_found", "Share the page with the integration: ")]
    [InlineData("readOnlyToken", EmulatorFixture.MeetingNotesPageId, "NotionRestrictedResource", ErrorCategory.PermissionDenied, "403 restricted_resource", "The integration lacks the \"Insert content\" capability.")]
    public void WritingToAPageThatIsNotThereOrNotWritableIsNotionsErrorAsSetNotionPageGivesIt(string token, string pageId, string errorId, ErrorCategory category, string status, string remedy)
    {
        var result = Session.Run(
            $"""
            $null = Connect-NotionIntegration -Token ${token} -BaseUri $emu -ApiVersion 2026-03-11
            Set-NotionPageContent -PageId $page -Markdown '# hi'
            Set-NotionPage -PageId $page -Title 'hi'
            """,
            Vars(("page", pageId)));

        Assert.Equal(2, result.Errors.Count);
        var (content, page) = (result.Errors[0], result.Errors[1]);
        Assert.Equal((errorId + ",NotionPS.Cmdlets.SetNotionPageContentCommand", category, pageId), (content.FullyQualifiedErrorId, content.CategoryInfo.Category, content.TargetObject?.ToString()));
        Assert.Equal((errorId, category), (page.FullyQualifiedErrorId.Split(',')[0], page.CategoryInfo.Category));
        Assert.Matches($"^PATCH v1/blocks/{pageId}/children returned {status}: [^\\n]+\\(request_id [0-9a-f-]+\\)$", content.ErrorDetails.Message);
        Assert.StartsWith(remedy, content.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    /// <summary>New-NotionPage on a read-only integration names the capability it needs, as Set-NotionPageContent does (it said "the needed content").</summary>
    [Fact]
    public void NewNotionPageOnAReadOnlyIntegrationNamesTheInsertContentCapability()
    {
        var result = Session.Run(
            """
            $null = Connect-NotionIntegration -Token $readOnlyToken -BaseUri $emu -ApiVersion 2026-03-11
            New-NotionPage -ParentId $parent -Title 'Not allowed'
            """,
            Vars(("parent", EmulatorFixture.MeetingNotesPageId)));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("NotionRestrictedResource,NotionPS.Cmdlets.NewNotionPageCommand", ErrorCategory.PermissionDenied), (error.FullyQualifiedErrorId, error.CategoryInfo.Category));
        Assert.StartsWith("The integration lacks the \"Insert content\" capability.", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ADatabaseIdGivenForPageContentSaysItIsADatabaseAndToReadItsRows()
    {
        Connect("2026-03-11");
        var database = EmulatorFixture.TasksDatabaseId;
        var result = Session.Run(
            """
            Get-NotionPageContent -PageId $db
            Set-NotionPageContent -PageId $db -Markdown '# hi'
            Set-NotionPageContent -PageId $db -Markdown '# hi' -Replace -Confirm:$false
            """,
            Vars(("db", database)));

        Assert.Equal(
            new[] { "GetNotionPageContentCommand", "SetNotionPageContentCommand", "SetNotionPageContentCommand" }.Select(command => "NotionIdIsADatabase,NotionPS.Cmdlets." + command),
            result.Errors.Select(error => error.FullyQualifiedErrorId));
        Assert.All(result.Errors, error =>
        {
            Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
            Assert.StartsWith($"{database} is a database, not a page", error.ErrorDetails.Message, StringComparison.Ordinal);
            Assert.StartsWith("Read its rows with Get-NotionDatabaseRow -DatabaseId ", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(database, PastedCommand.ArgumentOf(error.ErrorDetails.RecommendedAction, "Get-NotionDatabaseRow", "-DatabaseId"));
        });
    }

    [Fact]
    public async Task TheFirstAppendFailingLeavesThePageAsItWasAndIsNotionsError()
    {
        Connect("2026-03-11");
        var page = await NewPageAsync("First append fails");
        var before = Session.Run("Get-NotionPageContent -PageId $page", Vars(("page", page))).Output.Single().BaseObject;
        await WithFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 1, ["method"] = "PATCH", ["path"] = "/v1/blocks/*/children" }, async () =>
        {
            var result = Session.Run("Set-NotionPageContent -PageId $page -Markdown '# hi'; Get-NotionPageContent -PageId $page", Vars(("page", page)));

            var error = Assert.Single(result.Errors);
            Assert.Equal(("NotionServerError,NotionPS.Cmdlets.SetNotionPageContentCommand", ErrorCategory.ResourceUnavailable), (error.FullyQualifiedErrorId, error.CategoryInfo.Category));
            Assert.DoesNotContain("-Replace", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
            Assert.Equal(before, result.Output.Single().BaseObject);
        });
    }

    [Fact]
    public async Task ClearingAPageWhoseFirstDeleteFailsIsNotionsErrorAndTheContentStays()
    {
        // No retries: a delete is safe to repeat, so the one failure would otherwise be retried away.
        Assert.Empty(Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -ApiVersion 2026-03-11 -MaximumRetryCount 0").Errors);
        var page = await NewPageAsync("First delete fails");
        Assert.Empty(Session.Run("Set-NotionPageContent -PageId $page -Markdown 'old'", Vars(("page", page))).Errors);
        await WithFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 1, ["method"] = "DELETE", ["path"] = "/v1/blocks/*" }, async () =>
        {
            var result = Session.Run("Set-NotionPageContent -PageId $page -Markdown '' -Replace -Confirm:$false; Get-NotionPageContent -PageId $page", Vars(("page", page)));

            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionServerError,NotionPS.Cmdlets.SetNotionPageContentCommand", error.FullyQualifiedErrorId);
            Assert.Equal("old\n", result.Output.Single().BaseObject);
        });
    }

    [Fact]
    public async Task NewNotionPageWhoseSecondRequestFailsSaysThePageWasCreatedWithItsFirstLines()
    {
        Connect("2026-03-11");
        await WithFaultAsync(new JsonObject { ["kind"] = "500", ["count"] = 1, ["method"] = "PATCH", ["path"] = "/v1/blocks/*/children" }, async () =>
        {
            var result = Session.Run(
                "New-NotionPage -ParentId $parent -Title 'Half written' -Markdown $md",
                Vars(("parent", TeamHomeId), ("md", string.Join("\n\n", Enumerable.Range(1, 150).Select(i => $"p{i}")))));

            var error = Assert.Single(result.Errors);
            Assert.Equal("NotionPageContentIncomplete,NotionPS.Cmdlets.NewNotionPageCommand", error.FullyQualifiedErrorId);
            Assert.Matches(
                "^Page \"Half written\" \\([0-9a-f-]{36}\\) was created, and of its content 100 of 150 blocks were written \\(1 of 2 requests\\): the blocks starting on Markdown lines 1-199\\. Request 2 failed, so the blocks starting on lines 201-299 were not written\\.",
                error.ErrorDetails.Message);
        });
    }
}
