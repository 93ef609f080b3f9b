using System;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Text that is not valid UTF-16 (a lone surrogate) given to be sent: a clear NotionPS error that says what to do,
/// never System.Text.Json's ArgumentException (found by the hostile-input sweep, tests/Sweep).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class InvalidUtf16InputTests(EmulatorFixture emulator) : RowsTestBase(emulator)
{
    // Lone surrogates are made in PowerShell: an attribute's strings are stored as UTF-8, which has no lone surrogate.
    [Theory]
    [InlineData("'x' + [char]0xD800 + 'y'")]
    [InlineData("[string][char]0xDC00")]
    public void ABodyStringThatIsNeitherJsonNorValidUtf16IsNotionInvalidBodySayingWhatToDo(string body)
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError($"Invoke-NotionApi v1/search -Method POST -Body ({body})");

        Assert.StartsWith("NotionInvalidBody,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("hashtable", error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void ABodyStringThatIsNotJsonSaysWhatToGiveInstead()
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError("Invoke-NotionApi v1/search -Method POST -Body 'query=x'");

        Assert.StartsWith("NotionInvalidBody,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.StartsWith("-Body is a string, which is sent as JSON text, and it is not JSON: ", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("hashtable", error.ErrorDetails?.RecommendedAction, StringComparison.Ordinal);
    }

    [Fact]
    public void AJsonBodyWithALoneSurrogateEscapeIsSentWithTheReplacementCharacter()
    {
        Connect("2026-03-11");

        var result = Session.Run("Invoke-NotionApi v1/search -Method POST -Body '{\"query\": \"Tasks\\ud800\", \"filter\": {\"property\": \"object\", \"value\": \"page\"}}' -Debug 5>&1");

        Assert.Empty(result.Errors);
        Assert.Contains(result.Output, line => line.BaseObject is DebugRecord debug && debug.Message.Contains("\"query\":\"Tasks\\uFFFD\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("New-NotionPage -ParentId $teamHome -Title t -Icon ([string][char]0xD83D)")]
    [InlineData("New-NotionPage -ParentId $teamHome -Title t -Icon ('x' + [char]0xD800 + 'y')")]
    [InlineData("Set-NotionPage -PageId $teamHome -Cover ([char]0xDE00 + '.png')")]
    public void AnIconOrCoverWithHalfACharacterIsNotionPageVisualInvalidNamingWhere(string script)
    {
        Connect("2026-03-11");

        var error = RunExpectingTerminatingError(script, Vars(("teamHome", TeamHomeId)));

        Assert.StartsWith("NotionPageVisualInvalid,", error.FullyQualifiedErrorId, StringComparison.Ordinal);
        Assert.Contains("half of a character", error.ToString(), StringComparison.Ordinal);
    }
}
