using System;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Concurrency;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Reporting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>What one invocation of a listing command holds from BeginProcessing to Dispose.</summary>
    internal sealed class ListingInvocation : IDisposable
    {
        /// <summary>Pages a listing may hold ahead of the pipeline: bounds memory whatever the listing's length.</summary>
        internal const int PagesAhead = 4;

        internal ListingInvocation(CloudFrontClient client, ResponseSelector selector, PagingWindow window, ListingReporter reporter,
            int throttleLimit, bool fetchAhead, CancellationToken stopping)
        {
            Client = client;
            Lister = new InvalidationLister(client.ListInvalidationsAsync, client.ListInvalidationsForDistributionTenantAsync);
            DistributionNames = new DistributionNameResolver(new DistributionLister(client.ListDistributionsAsync));
            Selector = selector;
            Window = window;
            Reporter = reporter;
            FanOut = new OrderedFanOut<InvalidationListing, ListedPage<ListInvalidationsResponse, InvalidationSummary>>(
                throttleLimit, PagesAhead, fetchAhead, stopping);
            client.AttemptFailed = reporter.RecordFailedAttempt;
        }

        /// <summary>One client for every listing: one connection pool, one retry and rate state.</summary>
        internal CloudFrontClient Client { get; }
        internal InvalidationLister Lister { get; }
        /// <summary>Domain names given for distributions, resolved with one ListDistributions listing for the invocation.</summary>
        internal DistributionNameResolver DistributionNames { get; }
        internal ResponseSelector Selector { get; }
        /// <summary>-Skip, -First and -IncludeTotalCount over everything the invocation writes.</summary>
        internal PagingWindow Window { get; }
        internal ListingReporter Reporter { get; }
        /// <summary>The listings, run concurrently and written in input order.</summary>
        internal OrderedFanOut<InvalidationListing, ListedPage<ListInvalidationsResponse, InvalidationSummary>> FanOut { get; }

        public void Dispose()
        {
            FanOut.Dispose();
            Client.Dispose();
        }
    }
}
