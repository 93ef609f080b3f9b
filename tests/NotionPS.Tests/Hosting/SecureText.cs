using System.Security;

namespace NotionPS.Tests.Hosting;

internal static class SecureText
{
    /// <summary>A read-only SecureString of <paramref name="text"/>, as Read-Host -AsSecureString gives one.</summary>
    public static SecureString Of(string text)
    {
        var secure = new SecureString();
        foreach (var character in text)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return secure;
    }
}
