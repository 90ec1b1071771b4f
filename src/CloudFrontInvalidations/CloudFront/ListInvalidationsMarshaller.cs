using System;
using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListInvalidationsRequest → <c>GET /2020-05-31/distribution/{Id}/invalidation?Marker&amp;MaxItems</c>.</summary>
    internal sealed class ListInvalidationsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        internal static readonly ListInvalidationsMarshaller Instance = new ListInvalidationsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (ListInvalidationsRequest)input;
            if (string.IsNullOrEmpty(request.DistributionId))
                throw new ArgumentException("DistributionId is required.", nameof(input));

            var httpRequest = new DefaultRequest(request, CloudFrontConfig.ServiceName)
            {
                HttpMethod = "GET",
                ResourcePath = "/" + CloudFrontConfig.ApiVersion + "/distribution/{DistributionId}/invalidation",
                UseQueryString = true,
            };
            // The SDK URL-encodes path resources and query parameters, whatever they contain.
            httpRequest.AddPathResource("{DistributionId}", request.DistributionId);
            if (!string.IsNullOrEmpty(request.Marker))
                httpRequest.Parameters.Add("Marker", request.Marker);
            if (request.MaxItems.HasValue)
                httpRequest.Parameters.Add("MaxItems", request.MaxItems.Value.ToString(CultureInfo.InvariantCulture));
            return httpRequest;
        }
    }
}
