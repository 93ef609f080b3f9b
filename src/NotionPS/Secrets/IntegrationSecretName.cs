using System;
using System.Text.RegularExpressions;

namespace NotionPS.Secrets
{
    /// <summary>
    /// The one rule that turns a registration name into a secret name: <c>NotionPS-&lt;Name&gt;</c>.
    /// Azure Key Vault is the strictest common vault (secret names of 1 to 127 letters, digits and
    /// hyphens), so a name of letters, digits and hyphens that starts with a letter or digit and is at
    /// most 118 characters long gives a secret name every common vault accepts.
    /// </summary>
    internal static class IntegrationSecretName
    {
        public const string Prefix = "NotionPS-";

        /// <summary>Key Vault's 127-character limit less the prefix.</summary>
        public const int MaxNameLength = 127 - 9;

        private static readonly Regex NamePattern =
            new Regex("^[A-Za-z0-9][A-Za-z0-9-]*$", RegexOptions.CultureInvariant);

        private static readonly Regex NameWildcardPattern =
            new Regex("^[A-Za-z0-9*?][A-Za-z0-9*?-]*$", RegexOptions.CultureInvariant);

        public static bool IsValidName(string name) =>
            name.Length <= MaxNameLength && NamePattern.IsMatch(name);

        public static bool IsValidNamePattern(string pattern) =>
            pattern.Length <= MaxNameLength && NameWildcardPattern.IsMatch(pattern);

        public static string FromName(string name) => Prefix + name;

        /// <summary>The registration name in a secret name, if the secret follows the rule.</summary>
        public static bool TryGetName(string secretName, out string name)
        {
            name = string.Empty;
            if (!secretName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            var candidate = secretName.Substring(Prefix.Length);
            if (!IsValidName(candidate))
            {
                return false;
            }

            name = candidate;
            return true;
        }
    }
}
