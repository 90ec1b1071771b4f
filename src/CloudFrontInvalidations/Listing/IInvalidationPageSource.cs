using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations
{
    /// <summary>
    /// The seam between paging and the wire: one call, one page. Its signature is that of
    /// AmazonCloudFrontClient.ListInvalidationsAsync, so the official AWSSDK.CloudFront client can
    /// replace ours with a thin adapter in Session/ClientFactory.
    /// </summary>
    public interface IInvalidationPageSource
    {
        Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request,
            CancellationToken cancellationToken = default);
    }
}
