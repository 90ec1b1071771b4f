using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Pipeline handler that feeds the client's configuration to the endpoint provider.</summary>
    internal sealed class CloudFrontEndpointResolver : BaseEndpointResolver
    {
        protected override EndpointParameters MapEndpointsParameters(IRequestContext requestContext) =>
            ParametersFor((ClientConfig)requestContext.ClientConfig, requestContext.Request.AlternateEndpoint);

        internal static EndpointParameters ParametersFor(ClientConfig config, RegionEndpoint? alternateEndpoint)
        {
            var parameters = new EndpointParameters();
            parameters["Region"] = alternateEndpoint?.SystemName
                ?? config.RegionEndpoint?.SystemName
                ?? config.AuthenticationRegion
                ?? CloudFrontEndpointProvider.GlobalSigningRegion;
            parameters["Endpoint"] = config.ServiceURL;
            return parameters;
        }
    }
}
