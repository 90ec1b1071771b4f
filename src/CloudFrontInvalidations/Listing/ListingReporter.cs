using System;
using System.Globalization;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// Progress, verbose and debug reporting of listings, one after another in output order (the fan-out hands
    /// them back so): with several listings, an overall progress of listings done / total and invalidations so
    /// far; per listing, progress while its pages follow one another; a verbose line per request (the failed attempts'
    /// debug lines are the cmdlet's, for every command alike: AwsSessionCmdlet.WriteEvents). Never writes a credential: only ids, markers, statuses, error codes and request ids.
    /// </summary>
    internal sealed class ListingReporter
    {
        private const int OverallActivityId = 1;
        private const int ProgressActivityId = 2;

        private readonly Action<ListingEvent> _emit;
        private InvalidationOwner? _owner;
        private ListingOptions _options = new ListingOptions();
        private bool _progressShown;
        private int _itemsSoFar;
        // Over the whole invocation: listings ended, of how many (null while unknown), invalidations written.
        private int _listingsDone;
        private int? _listingsTotal;
        private long _itemsOverall;
        private bool _overallShown;

        /// <param name="emit">Takes each report, in order, on the caller's thread.</param>
        internal ListingReporter(Action<ListingEvent> emit) => _emit = emit;

        /// <summary>How many listings the invocation runs, once known (an array, or the account's distributions once listed).</summary>
        internal void ListingsExpected(int total) => _listingsTotal = total;

        /// <summary>Every this many pages of one listing, a warning that it goes on.</summary>
        internal const int LongListingPages = 1000;

        internal void ListingStarted(InvalidationOwner owner, ListingOptions options)
        {
            _owner = owner;
            _options = options;
            _progressShown = false;
            _itemsSoFar = 0;
        }

        internal void PageReceived<TResponse, TItem>(ListedPage<TResponse, TItem> page) where TResponse : AmazonWebServiceResponse
        {
            _itemsSoFar += page.Items.Count;
            _itemsOverall += page.Items.Count;
            _emit(ListingEvent.Verbose(DescribeRequest(page, "invalidations")));
            // A service that keeps sending new NextMarkers is followed as long as it does (the AWS CLI does too); a line every
            // so many pages says so, where a real history rarely reaches.
            if (page.IsTruncated && page.PageNumber % LongListingPages == 0)
                _emit(ListingEvent.Warning(string.Format(CultureInfo.InvariantCulture,
                    "Listing invalidations of {0}: {1} pages and {2} invalidations so far, and the service still sends a NextMarker. Ctrl+C stops; -CreatedAfter or Select-Object -First bounds the listing.",
                    _owner, page.PageNumber, _itemsSoFar)));

            // A single page (or -NoAutoIteration) is over before progress could help anyone.
            if (!_options.AutoIterate || !(page.IsTruncated || _progressShown)) return;
            _emit(ListingEvent.Progressed(new ListingProgress(ProgressActivityId, Activity, string.Format(CultureInfo.InvariantCulture,
                "{0} page(s), {1} invalidations so far", page.PageNumber, _itemsSoFar), ParentId)));
            _progressShown = true;
        }

        /// <summary>One page of the account's distributions (-AllDistributions): its verbose line.</summary>
        internal void DistributionPageReceived<TItem>(ListedPage<ListDistributionsResponse, TItem> page)
        {
            _emit(ListingEvent.Verbose(DescribeRequest(page, "distributions", pageSize: null)));
        }

        /// <summary>Call when the listing ends, whether it finished or failed.</summary>
        internal void ListingEnded()
        {
            _listingsDone++;
            if (_progressShown)
            {
                _emit(ListingEvent.Progressed(new ListingProgress(ProgressActivityId, Activity, "Done", ParentId, Completed: true)));
                _progressShown = false;
            }
            // One listing needs no overall line; a pipeline's total is unknown, so any count there says something.
            if (_listingsTotal == 1) return;
            var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} done, {2} invalidations so far",
                _listingsDone, _listingsTotal?.ToString(CultureInfo.InvariantCulture) ?? "?", _itemsOverall);
            var percent = _listingsTotal is int total && total > 0 ? Math.Min(100, _listingsDone * 100 / total) : -1;
            _emit(ListingEvent.Progressed(new ListingProgress(OverallActivityId, OverallActivity, status, PercentComplete: percent)));
            _overallShown = true;
        }

        /// <summary>Call once at the end of the invocation.</summary>
        internal void InvocationEnded()
        {
            if (!_overallShown) return;
            _emit(ListingEvent.Progressed(new ListingProgress(OverallActivityId, OverallActivity, "Done", Completed: true)));
            _overallShown = false;
        }

        private int ParentId => _listingsTotal == 1 ? -1 : OverallActivityId;

        private string Activity => $"Listing invalidations of {_owner?.Kind} {_owner?.Id}";

        private string OverallActivity => $"Listing invalidations of {_owner?.Kind}s";

        private string DescribeRequest<TResponse, TItem>(ListedPage<TResponse, TItem> page, string itemsNoun) where TResponse : AmazonWebServiceResponse =>
            DescribeRequest(page, itemsNoun, _options.PageSize);

        private static string DescribeRequest<TResponse, TItem>(ListedPage<TResponse, TItem> page, string itemsNoun, int? pageSize)
            where TResponse : AmazonWebServiceResponse
        {
            var metadata = page.Response.ResponseMetadata;
            return string.Format(CultureInfo.InvariantCulture,
                "{0} {1} page {2}: Marker {3}, MaxItems {4} -> HTTP {5}, {6} {7}, AWS request id {8}, {9:F0} ms",
                page.Operation, page.Target, page.PageNumber, page.RequestMarker ?? "(none)",
                pageSize?.ToString(CultureInfo.InvariantCulture) ?? "(service default)",
                (int)page.Response.HttpStatusCode, page.Items.Count, itemsNoun, metadata?.RequestId ?? "(none)",
                page.Elapsed.TotalMilliseconds);
        }
    }
}
