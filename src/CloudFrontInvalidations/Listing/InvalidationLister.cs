using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// A distribution's or a distribution tenant's invalidations, page by page, newest first; with a
    /// <see cref="CreationWindow"/>, only the items inside it, and no request after the page that holds the first
    /// item older than the window.
    /// </summary>
    internal sealed class InvalidationLister
    {
        private readonly Operation<ListInvalidationsRequest, ListInvalidationsResponse> _listInvalidations;

        internal InvalidationLister(Operation<ListInvalidationsRequest, ListInvalidationsResponse> listInvalidations) =>
            _listInvalidations = listInvalidations;

        internal IEnumerable<ListedPage<ListInvalidationsResponse, InvalidationSummary>> ListPages(InvalidationOwner owner,
            ListingOptions options, CancellationToken cancellationToken)
        {
            var listing = new MarkerListing<ListInvalidationsResponse, InvalidationSummary>(
                new ListInvalidationsRequest(owner).OperationName, owner.Id,
                (marker, token) => _listInvalidations(new ListInvalidationsRequest(owner) { Marker = marker, MaxItems = options.PageSize }, token),
                response => response.InvalidationList is InvalidationList list ? (list.IsTruncated, list.NextMarker, list.Items) : null,
                item => item.Id, "InvalidationList", "InvalidationSummary");
            var pages = MarkerPager.ListPages(listing, options, cancellationToken);
            return options.Created is CreationWindow window ? Within(window, pages) : pages;
        }

        /// <summary>
        /// What is in progress on the owner now (every page, read to the end): the invalidations to wait for, and for each one
        /// listed with an id no request may carry, its own failure.
        /// </summary>
        internal (List<InvalidationTarget> Targets, List<InvalidIdInResponseException> Refused) InProgress(InvalidationOwner owner,
            CancellationToken cancellationToken)
        {
            var targets = new List<InvalidationTarget>();
            var refused = new List<InvalidIdInResponseException>();
            var listedBy = owner.OperationName("ListInvalidations");
            foreach (var item in ListPages(owner, new ListingOptions(), cancellationToken).SelectMany(page => page.Items))
            {
                if (item.Status == Invalidation.CompletedStatus) continue;
                if (IdRule.Invalidation.Refuse(item.Id, listedBy) is { } invalid) refused.Add(invalid);
                else targets.Add(new InvalidationTarget(owner, item.Id!));
            }
            return (targets, refused);
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
                yield return page with { Items = inside, IsTruncated = page.IsTruncated && !reachedOlder };
                if (reachedOlder) yield break;
            }
        }
    }
}
