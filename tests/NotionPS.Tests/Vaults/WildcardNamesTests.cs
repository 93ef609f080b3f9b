using System.Management.Automation;
using NotionPS.Secrets;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>A vault or secret name given to a parameter that takes wildcards names exactly itself, a backtick in it too.</summary>
public class WildcardNamesTests
{
    [Theory]
    [InlineData("Store", "Stores")]
    [InlineData("Team[1]", "Team1")]
    [InlineData("a`b*", "ab*")]
    [InlineData("[`x", "[x")]
    [InlineData("Team`[1]", "Team[1]")]
    [InlineData("a`*", "a*")]
    [InlineData("a]`b?", "a]b?")]
    [InlineData("tick`", "tick")]
    [InlineData("a``*", "a`*")]
    public void OnlyItselfPicksTheVaultOfThatNameAlone(string name, string twin)
    {
        var pattern = WildcardNames.OnlyItself(name);

        Assert.True(VaultRemedyTests.TestSecretVaultTakes(pattern, name), pattern);
        Assert.False(VaultRemedyTests.TestSecretVaultTakes(pattern, twin), pattern);
    }

    /// <summary>
    /// What was typed, taken literally before the completer's *: a backtick is escaped as well (PowerShell 5.1's
    /// WildcardPattern.Escape leaves it, so it escaped the next character there).
    /// </summary>
    [Theory]
    [InlineData("a`b", "ab")]
    [InlineData("Team[1]", "Team1")]
    [InlineData("*?`[]", "x")]
    public void ALiteralMatchesTheTextAlone(string text, string twin)
    {
        var pattern = new WildcardPattern(WildcardNames.Literal(text) + "*", WildcardOptions.IgnoreCase);

        Assert.True(pattern.IsMatch(text + "-tail"));
        Assert.False(pattern.IsMatch(twin + "-tail"));
    }
}
