using System;
using System.Management.Automation;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// Lets PowerShell bind any value to a pipe bind. Its constructors already take strings and objects
    /// (PSCustomObject, a row), but a hashtable, a Guid or a plain .NET object matches none of them and would
    /// fail at binding; here every value reaches the bind's own reading, which never throws.
    /// </summary>
    public sealed class PipeBindConverter : PSTypeConverter
    {
        public override bool CanConvertFrom(object sourceValue, Type destinationType) => IsPipeBind(destinationType);

        public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            destinationType == typeof(NotionPageBind) ? new NotionPageBind(sourceValue)
                : destinationType == typeof(NotionParentBind) ? new NotionParentBind(sourceValue)
                : destinationType == typeof(NotionPageVisualBind) ? new NotionPageVisualBind(sourceValue)
                : (object)new NotionDatabaseBind(sourceValue);

        public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

        public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
            throw new InvalidCastException($"A {sourceValue?.GetType().Name} converts to nothing.");

        private static bool IsPipeBind(Type type) => type == typeof(NotionDatabaseBind) || type == typeof(NotionPageBind) || type == typeof(NotionParentBind) || type == typeof(NotionPageVisualBind);
    }
}
