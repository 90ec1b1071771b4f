using System.Management.Automation;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>Refuses an -EndpointUrl that is not an absolute http or https URL before anything is sent (see EndpointUrl).</summary>
    internal sealed class ValidateEndpointUrlAttribute : ValidateArgumentsAttribute
    {
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            var text = arguments as string ?? (arguments as PSObject)?.BaseObject as string;
            var problem = EndpointUrl.Problem(text);
            if (problem != null) throw new ValidationMetadataException(problem);
        }
    }
}
