using System;
using System.Collections.Generic;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// CloudFront is a global service: one endpoint per partition, always signed for that partition's
    /// home region. A custom endpoint (-EndpointUrl, AWS_ENDPOINT_URL_CLOUDFRONT) keeps that signing
    /// scope, so a local emulator sees exactly what AWS would.
    /// </summary>
    internal sealed class CloudFrontEndpointProvider : IEndpointProvider
    {
        internal const string GlobalEndpoint = "https://cloudfront.amazonaws.com";
        internal const string ChinaEndpoint = "https://cloudfront.cn-northwest-1.amazonaws.com.cn";
        internal const string GlobalSigningRegion = "us-east-1";
        internal const string ChinaSigningRegion = "cn-northwest-1";

        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters == null) throw new ArgumentNullException(nameof(parameters));

            var region = parameters["Region"] as string;
            var isChina = region != null && region.StartsWith("cn-", StringComparison.OrdinalIgnoreCase);
            var signingRegion = isChina ? ChinaSigningRegion : GlobalSigningRegion;
            var url = parameters["Endpoint"] as string;
            if (string.IsNullOrEmpty(url)) url = isChina ? ChinaEndpoint : GlobalEndpoint;

            return new Endpoint(url) { Attributes = isChina ? ChinaAuthSchemes : GlobalAuthSchemes };
        }

        // What Endpoint(url, attributesJson, null) would parse from {"authSchemes":[{"name":"sigv4",...}]}, built once:
        // the JSON form parsed a document on every request. The SDK only reads these bags.
        private static readonly PropertyBag GlobalAuthSchemes = SigV4AuthSchemes(GlobalSigningRegion);
        private static readonly PropertyBag ChinaAuthSchemes = SigV4AuthSchemes(ChinaSigningRegion);

        private static PropertyBag SigV4AuthSchemes(string signingRegion)
        {
            var sigV4 = new PropertyBag
            {
                ["name"] = "sigv4",
                ["signingName"] = CloudFrontConfig.SigningName,
                ["signingRegion"] = signingRegion,
            };
            return new PropertyBag { ["authSchemes"] = new List<object> { sigV4 } };
        }
    }
}
