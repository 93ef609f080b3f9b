using System;
using System.Globalization;
using System.Management.Automation;

namespace NotionPS.Secrets
{
    /// <summary>
    /// Accepts only registration names whose secret name every common vault takes
    /// (see <see cref="IntegrationSecretName"/>), with a message that says what is allowed.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateIntegrationNameAttribute : ValidateArgumentsAttribute
    {
        /// <summary>Also accept the wildcards * and ?.</summary>
        public bool AllowWildcards { get; set; }

        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var name = (arguments is PSObject wrapped ? wrapped.BaseObject : arguments) as string ?? string.Empty;
            var valid = AllowWildcards ? IntegrationSecretName.IsValidNamePattern(name) : IntegrationSecretName.IsValidName(name);
            if (!valid)
            {
                throw new ValidationMetadataException(string.Format(
                    CultureInfo.InvariantCulture,
                    "'{0}' is not a valid integration name. Use 1 to {1} letters, digits and hyphens, starting with a letter or digit{2}: the token is stored as the secret '{3}<Name>', a name every common vault accepts (Azure Key Vault allows only letters, digits and hyphens).",
                    name,
                    IntegrationSecretName.MaxNameLength,
                    AllowWildcards ? " (the wildcards * and ? are allowed)" : string.Empty,
                    IntegrationSecretName.Prefix));
            }
        }
    }
}
