using System.Globalization;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListDistributionsRequest → <c>GET /2020-05-31/distribution?Marker&amp;MaxItems</c>.</summary>
    internal sealed class ListDistributionsMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        internal static readonly ListDistributionsMarshaller Instance = new ListDistributionsMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (ListDistributionsRequest)input;
            var httpRequest = new DefaultRequest(request, CloudFrontConfig.ServiceName)
            {
                HttpMethod = "GET",
                ResourcePath = "/" + CloudFrontConfig.ApiVersion + "/distribution",
                UseQueryString = true,
            };
            if (!string.IsNullOrEmpty(request.Marker))
                httpRequest.Parameters.Add("Marker", request.Marker);
            if (request.MaxItems.HasValue)
                httpRequest.Parameters.Add("MaxItems", request.MaxItems.Value.ToString(CultureInfo.InvariantCulture));
            return httpRequest;
        }
    }
}
