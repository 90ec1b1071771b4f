using System;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>The account's distributions (ListDistributions), page by page, in the service's order.</summary>
    internal sealed class DistributionLister
    {
        /// <summary>What a listing of the account's distributions names in its errors.</summary>
        internal const string Target = "the account's distributions";

        /// <summary>What a listing of the account's distributions does, as its failures' messages begin.</summary>
        internal const string Activity = "Listing the account's distributions";

        private readonly Operation<ListDistributionsRequest, ListDistributionsResponse> _listDistributions;

        internal DistributionLister(Operation<ListDistributionsRequest, ListDistributionsResponse> listDistributions)
        {
            _listDistributions = listDistributions;
        }

        /// <summary>
        /// A failure of this listing as a command reports it: the pager's resume information counts distributions and
        /// names one, which -Marker does not take, so the failure says instead how many invalidations the command wrote
        /// before it (none when it was finding a distribution by name), with no marker to resume from.
        /// </summary>
        internal static Exception AsCommandFailure(Exception failure, int invalidationsWritten)
        {
            var cause = failure is ListingInterruptedException interrupted ? interrupted.InnerException! : failure;
            return new ListingInterruptedException(Target, resumeMarker: null, invalidationsWritten, cause);
        }

        internal IEnumerable<ListedPage<ListDistributionsResponse, DistributionSummary>> ListPages(ListingOptions options,
            CancellationToken cancellationToken)
        {
            var listing = new MarkerListing<ListDistributionsResponse, DistributionSummary>("ListDistributions", Target,
                (marker, token) => _listDistributions(new ListDistributionsRequest { Marker = marker, MaxItems = options.PageSize }, token),
                response => response.DistributionList is DistributionList list
                    ? (list.IsTruncated, list.NextMarker, list.Items)
                    : null,
                item => item.Id, "DistributionList", "DistributionSummary");
            return MarkerPager.ListPages(listing, options, cancellationToken);
        }
    }
}
