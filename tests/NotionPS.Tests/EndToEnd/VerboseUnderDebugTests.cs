using System.Linq;
using Xunit;

namespace NotionPS.Tests.EndToEnd;

/// <summary>
/// PowerShell shows a compiled cmdlet's verbose lines under -Debug (unless -Verbose is given too): the client's request
/// lines are shown or hidden with the cmdlet's own, never one without the other.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class VerboseUnderDebugTests(EmulatorFixture emulator) : EmulatorTest(emulator)
{
    [Fact]
    public void DebugShowsTheRequestLinesBesideTheCmdletsOwnVerboseLine()
    {
        var result = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -Debug");

        var lines = result.Verbose.Select(line => line.Message).ToList();
        Assert.Contains(lines, line => line.StartsWith("Connected to workspace"));
        Assert.Contains(lines, line => line.StartsWith("GET v1/users/me -> 200"));
    }

    [Fact]
    public void VerboseOffUnderDebugShowsNeither()
    {
        var result = Session.Run("$null = Connect-NotionIntegration -Token $token -BaseUri $emu -Debug -Verbose:$false");

        Assert.Empty(result.Verbose);
        Assert.NotEmpty(result.Debug);
    }
}
