using NotionPS.Secrets;
using Xunit;

namespace NotionPS.Tests.Vaults;

public class IntegrationSecretNameTests
{
    [Theory]
    [InlineData("Reporting")]
    [InlineData("acme-prod-2")]
    [InlineData("7")]
    public void AcceptsLettersDigitsAndHyphens(string name)
    {
        Assert.True(IntegrationSecretName.IsValidName(name));
        Assert.Equal("NotionPS-" + name, IntegrationSecretName.FromName(name));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-leading-hyphen")]
    [InlineData("under_score")]
    [InlineData("with space")]
    [InlineData("dot.ted")]
    [InlineData("wild*")]
    [InlineData("émoji")]
    public void RefusesWhatAzureKeyVaultWouldRefuse(string name) =>
        Assert.False(IntegrationSecretName.IsValidName(name));

    [Fact]
    public void KeepsTheSecretNameWithinKeyVaultsLimit()
    {
        var longest = new string('a', IntegrationSecretName.MaxNameLength);
        Assert.True(IntegrationSecretName.IsValidName(longest));
        Assert.Equal(127, IntegrationSecretName.FromName(longest).Length);
        Assert.False(IntegrationSecretName.IsValidName(longest + "a"));
    }

    [Theory]
    [InlineData("NotionPS-Reporting", "Reporting")]
    [InlineData("notionps-Reporting", "Reporting")]
    public void ReadsTheNameBackFromASecretName(string secretName, string expected)
    {
        Assert.True(IntegrationSecretName.TryGetName(secretName, out var name));
        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData("Reporting")]
    [InlineData("NotionPS-")]
    [InlineData("NotionPS-under_score")]
    public void IgnoresSecretsThatDoNotFollowTheRule(string secretName) =>
        Assert.False(IntegrationSecretName.TryGetName(secretName, out _));

    [Fact]
    public void AllowsWildcardsOnlyWhereAsked()
    {
        Assert.True(IntegrationSecretName.IsValidNamePattern("acme-*"));
        Assert.True(IntegrationSecretName.IsValidNamePattern("?cme"));
        Assert.False(IntegrationSecretName.IsValidNamePattern("acme_*"));
    }
}
