using System;
using System.Management.Automation;
using NotionPS.Client;

namespace NotionPS.Cmdlets
{
    /// <summary>
    /// -RequestsPerSecond at binding: 0 (no limit) or within the range the limiter can hold
    /// (see <see cref="NotionClientOptions.IsValidRequestsPerSecond"/>). A range attribute alone would let a
    /// rate such as 0.0000001 through, whose wait between requests no clock can hold.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateRequestsPerSecondAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
            if (!(value is double rate) || !NotionClientOptions.IsValidRequestsPerSecond(rate))
            {
                throw new ValidationMetadataException(NotionClientOptions.RequestsPerSecondRange);
            }
        }
    }
}
