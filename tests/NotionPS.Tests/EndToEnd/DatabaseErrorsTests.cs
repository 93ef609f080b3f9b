using System.Collections.Generic;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>A database that cannot be used as given gets the same error id, category and remedy from every cmdlet.</summary>
[Collection(EmulatorCollection.Name)]
public class DatabaseErrorsTests : RowsTestBase
{
    public DatabaseErrorsTests(EmulatorFixture emulator)
        : base(emulator)
    {
    }

    [Fact]
    public void SeveralDataSourcesUnderTheLegacyVersionIsInvalidArgumentWithItsRemedyFromResolveAsFromGetNotionDatabase()
    {
        // Get-NotionDatabase's error is checked in ReadRowsTests; -Resolve must give the same one.
        Connect("2022-06-28");
        var variables = new Dictionary<string, object?> { ["id"] = ProjectsId };

        var resolved = Assert.Single(Session.Run("Get-NotionDatabaseId $id -Resolve", variables).Errors);
        var read = Assert.Single(Session.Run("Get-NotionDatabase $id", variables).Errors);

        Assert.Equal("NotionDatabaseHasSeveralDataSources,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", resolved.FullyQualifiedErrorId);
        Assert.Equal((ErrorCategory.InvalidArgument, ErrorCategory.InvalidArgument), (resolved.CategoryInfo.Category, read.CategoryInfo.Category));
        Assert.Equal(read.ErrorDetails.Message, resolved.ErrorDetails.Message);
        Assert.Equal(read.ErrorDetails.RecommendedAction, resolved.ErrorDetails.RecommendedAction);
        Assert.Contains("-ApiVersion 2025-09-03", resolved.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public void APageGivenAsADatabaseSaysWhatToCopyInstead()
    {
        Connect("2026-03-11");

        var result = Session.Run("Get-NotionDatabaseId $id -Resolve", new Dictionary<string, object?> { ["id"] = EmulatorFixture.MeetingNotesPageId });

        var error = Assert.Single(result.Errors);
        Assert.Equal("NotionIdIsAPage,NotionPS.Cmdlets.GetNotionDatabaseIdCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(EmulatorFixture.MeetingNotesPageId + " is a page, not a database. " + error.ErrorDetails.RecommendedAction, error.ErrorDetails.Message);
        Assert.Contains("Share > Copy link", error.ErrorDetails.RecommendedAction);
    }
}
