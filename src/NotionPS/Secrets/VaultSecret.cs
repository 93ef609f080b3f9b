using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NotionPS.Secrets
{
    /// <summary>A vault and whether it is SecretManagement's default, read from a SecretVaultInfo.</summary>
    internal sealed class SecretVault
    {
        public SecretVault(string name, bool isDefault)
        {
            Name = name;
            IsDefault = isDefault;
        }

        public string Name { get; }

        public bool IsDefault { get; }

        public static SecretVault FromSecretVaultInfo(PSObject info) =>
            new SecretVault(
                info.Properties["Name"]?.Value as string ?? string.Empty,
                info.Properties["IsDefault"]?.Value is bool isDefault && isDefault);
    }

    /// <summary>A secret's name, vault and metadata, read from a SecretInformation without its value.</summary>
    internal sealed class VaultSecret
    {
        public VaultSecret(string name, string vaultName, IReadOnlyDictionary<string, string> metadata)
        {
            Name = name;
            VaultName = vaultName;
            Metadata = metadata;
        }

        public string Name { get; }

        public string VaultName { get; }

        /// <summary>String metadata only: NotionPS stores nothing else there.</summary>
        public IReadOnlyDictionary<string, string> Metadata { get; }

        public static VaultSecret FromSecretInformation(PSObject info)
        {
            var metadata = new Dictionary<string, string>(System.StringComparer.OrdinalIgnoreCase);
            if (info.Properties["Metadata"]?.Value is IDictionary source)
            {
                foreach (DictionaryEntry entry in source)
                {
                    if (entry.Key is string key && (entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value) is string value)
                    {
                        metadata[key] = value;
                    }
                }
            }

            return new VaultSecret(
                info.Properties["Name"]?.Value as string ?? string.Empty,
                info.Properties["VaultName"]?.Value as string ?? string.Empty,
                metadata);
        }
    }
}
