using System;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Reporting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>What one invocation of a listing command holds from BeginProcessing to Dispose.</summary>
    internal sealed class ListingInvocation : IDisposable
    {
        internal ListingInvocation(CloudFrontClient client, ResponseSelector selector, PagingWindow window, ListingReporter reporter)
        {
            Client = client;
            Lister = new InvalidationLister(client.ListInvalidationsAsync);
            Selector = selector;
            Window = window;
            Reporter = reporter;
            client.AttemptFailed = reporter.RecordFailedAttempt;
        }

        internal CloudFrontClient Client { get; }
        internal InvalidationLister Lister { get; }
        internal ResponseSelector Selector { get; }
        /// <summary>-Skip, -First and -IncludeTotalCount over everything the invocation writes.</summary>
        internal PagingWindow Window { get; }
        internal ListingReporter Reporter { get; }

        public void Dispose() => Client.Dispose();
    }
}
