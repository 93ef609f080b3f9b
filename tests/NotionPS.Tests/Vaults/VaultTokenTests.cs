using System.Linq;
using System.Management.Automation;
using NotionPS.Tests.EndToEnd;
using Xunit;

namespace NotionPS.Tests.Vaults;

/// <summary>A token kept in a vault passes the same check as any other: trimmed, or refused without being shown.</summary>
[Collection(VaultCollection.Name)]
public class VaultTokenTests(EmulatorFixture emulator) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public void ATokenStoredWithItsNewlineConnects()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionToken -Secret ($plain + \"`n\") -Vault Store", ("plain", EmulatorFixture.FullAccessToken));

        var connection = (NotionConnection)session.Run("Connect-NotionIntegration -Vault Store -SecretName NotionToken -BaseUri $emulator", ("emulator", emulator.BaseUri)).Single().BaseObject;

        Assert.Equal("NotionPS Demo", connection.BotName);
    }

    [Fact]
    public void AStoredTokenThatWouldAddAHeaderIsRefusedWithoutShowingIt()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store; Set-Secret -Name NotionToken -Secret ($plain + \"`r`nX-Injected: 1\") -Vault Store", ("plain", EmulatorFixture.FullAccessToken));

        var error = session.Terminates("Connect-NotionIntegration -Vault Store -SecretName NotionToken -BaseUri $emulator", ("emulator", emulator.BaseUri));

        Assert.StartsWith("InvalidNotionToken,", error.FullyQualifiedErrorId);
        Assert.DoesNotContain(EmulatorFixture.FullAccessToken, session.AllStreamText());
    }

    [Fact]
    public void RegisterStoresTheTokenAsItIsSent()
    {
        using var session = new VaultSession();
        session.Run("Add-SecretDoubleVault Store");

        session.Run("Register-NotionIntegration -Name Demo -Token $token -BaseUri $emulator", ("token", EmulatorFixture.Secure(EmulatorFixture.FullAccessToken + "\n")), ("emulator", emulator.BaseUri));

        var stored = session.Run("[System.Net.NetworkCredential]::new('', (Get-Secret -Name NotionPS-Demo -Vault Store)).Password").Single().BaseObject;
        Assert.Equal(EmulatorFixture.FullAccessToken, stored);
    }
}
