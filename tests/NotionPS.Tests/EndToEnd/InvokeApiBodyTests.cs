using System;
using System.Management.Automation;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// Invoke-NotionApi -Body takes JSON text or data (hashtables, objects, arrays, strings, numbers, dates): code, secrets,
/// types and streams are no JSON, and are refused before anything is sent rather than sent as their properties or text.
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
}
