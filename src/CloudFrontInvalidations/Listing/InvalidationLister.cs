using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>A distribution's invalidations (ListInvalidations), page by page, each item stamped with its distribution.</summary>
    internal sealed class InvalidationLister
    {
        private readonly Operation<ListInvalidationsRequest, ListInvalidationsResponse> _listInvalidations;

        internal InvalidationLister(Operation<ListInvalidationsRequest, ListInvalidationsResponse> listInvalidations)
        {
            _listInvalidations = listInvalidations;
        }

        internal IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> ListPages(string distributionId,
            ListingOptions options, CancellationToken cancellationToken)
        {
            var listing = new MarkerListing<ListInvalidationsResponse, InvalidationSummary>("ListInvalidations", distributionId,
                (marker, token) => _listInvalidations(
                    new ListInvalidationsRequest { DistributionId = distributionId, Marker = marker, MaxItems = options.PageSize }, token),
                response => Contents(response, distributionId),
                item => item.Id, "InvalidationList", "InvalidationSummary");
            return MarkerPager.ListPages(listing, options, cancellationToken);
        }

        private static PageContents<InvalidationSummary>? Contents(ListInvalidationsResponse response, string distributionId)
        {
            var list = response.InvalidationList;
            if (list == null) return null;
            // Not on the wire: the item carries it so the pipeline can tell distributions apart.
            if (list.Items != null)
                foreach (var item in list.Items) item.DistributionId = distributionId;
            return new PageContents<InvalidationSummary>(list.IsTruncated, list.NextMarker, list.Items);
        }
    }
}
