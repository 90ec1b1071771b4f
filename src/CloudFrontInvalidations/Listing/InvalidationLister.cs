using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// A distribution's or a distribution tenant's invalidations, page by page, newest first, each item stamped
    /// with its owner; with a <see cref="CreationWindow"/>, only the items inside it, and no request after the
    /// page that holds the first item older than the window.
    /// </summary>
    internal sealed class InvalidationLister
    {
        private readonly Operation<ListInvalidationsRequest, ListInvalidationsResponse> _listInvalidations;
        private readonly Operation<ListInvalidationsForDistributionTenantRequest, ListInvalidationsResponse> _listTenantInvalidations;

        internal InvalidationLister(Operation<ListInvalidationsRequest, ListInvalidationsResponse> listInvalidations,
            Operation<ListInvalidationsForDistributionTenantRequest, ListInvalidationsResponse> listTenantInvalidations)
        {
            _listInvalidations = listInvalidations;
            _listTenantInvalidations = listTenantInvalidations;
        }

        internal IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> ListPages(InvalidationOwner owner,
            ListingOptions options, CancellationToken cancellationToken)
        {
            Func<string?, CancellationToken, Task<ListInvalidationsResponse>> requestPage = owner.IsTenant
                ? (marker, token) => _listTenantInvalidations(
                    new ListInvalidationsForDistributionTenantRequest { Id = owner.Id, Marker = marker, MaxItems = options.PageSize }, token)
                : (marker, token) => _listInvalidations(
                    new ListInvalidationsRequest { DistributionId = owner.Id, Marker = marker, MaxItems = options.PageSize }, token);
            var listing = new MarkerListing<ListInvalidationsResponse, InvalidationSummary>(
                owner.IsTenant ? "ListInvalidationsForDistributionTenant" : "ListInvalidations", owner.Id, requestPage,
                response => Contents(response, owner), item => item.Id, "InvalidationList", "InvalidationSummary");
            var pages = MarkerPager.ListPages(listing, options, cancellationToken);
            return options.Created is CreationWindow window ? Within(window, pages) : pages;
        }

        private static PageContents<InvalidationSummary>? Contents(ListInvalidationsResponse response, InvalidationOwner owner)
        {
            var list = response.InvalidationList;
            if (list == null) return null;
            // Not on the wire: the item carries it so the pipeline can tell distributions and tenants apart.
            if (list.Items != null)
            {
                foreach (var item in list.Items)
                {
                    if (owner.IsTenant) item.DistributionTenantId = owner.Id;
                    else item.DistributionId = owner.Id;
                }
            }
            return new PageContents<InvalidationSummary>(list.IsTruncated, list.NextMarker, list.Items);
        }

        /// <summary>
        /// The pages narrowed to the window. The service lists newest first ("decreasing order from most recent to
        /// oldest"), so the page holding the first item older than the window is the last one requested: the pager
        /// sends a request only when asked for the next page, and it is never asked.
        /// </summary>
        private static IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> Within(CreationWindow window,
            IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> pages)
        {
            foreach (var page in pages)
            {
                var reachedOlder = page.Items.Any(item => window.IsOlder(item.CreateTime));
                var inside = page.Items.Where(item => window.Contains(item.CreateTime)).ToList();
                // The response too, so every -Select form (the items, '*', a property path) sees the same window.
                var list = page.Response.InvalidationList!;
                list.Items = inside;
                list.Quantity = inside.Count;
                yield return page.Narrowed(inside, windowEnded: reachedOlder);
                if (reachedOlder) yield break;
            }
        }
    }
}
