using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// The one Marker → NextMarker loop, with its guards: a NextMarker already sent or a truncated page without
    /// NextMarker stops the listing with <see cref="InvalidListingException"/>, a response without its list or an
    /// item without an id with <see cref="IncompleteResponseException"/>; a failure after delivered pages says
    /// where to resume (<see cref="ListingInterruptedException"/>). Pages are yielded as they arrive, one request at a time, so
    /// the caller can stop fetching early; fetching ahead is the caller's choice (Concurrency/OrderedFanOut).
    /// Knows nothing of PowerShell.
    /// </summary>
    internal static class MarkerPager
    {
        internal static IEnumerable<ListedPage<TResponse, TItem>> ListPages<TResponse, TItem>(
            MarkerListing<TResponse, TItem> listing, ListingOptions options, CancellationToken cancellationToken)
        {
            var marker = string.IsNullOrEmpty(options.StartMarker) ? null : options.StartMarker;
            var markersSent = new HashSet<string>(StringComparer.Ordinal);
            var delivered = new Progress<TResponse, TItem>(listing, marker);
            for (var pageNumber = 1; ; pageNumber++)
            {
                if (marker != null) markersSent.Add(marker);
                var page = RequestPage(listing, marker, pageNumber, delivered, cancellationToken);
                yield return page;
                delivered.Add(page.Items);

                if (!options.AutoIterate || !page.IsTruncated) yield break;
                var next = page.NextMarker;
                if (string.IsNullOrEmpty(next))
                    throw delivered.Violation(ListingViolation.TruncatedWithoutNextMarker,
                        "The service said the list is truncated (IsTruncated=true) but sent no NextMarker to continue from.");
                if (markersSent.Contains(next!))
                    throw delivered.Violation(ListingViolation.RepeatedNextMarker,
                        $"The service sent NextMarker '{next}' again; following it would repeat a page forever.");
                marker = next;
            }
        }

        /// <summary>Sends one request and checks its answer; a failure after delivered pages says where to resume.</summary>
        private static ListedPage<TResponse, TItem> RequestPage<TResponse, TItem>(MarkerListing<TResponse, TItem> listing,
            string? marker, int pageNumber, Progress<TResponse, TItem> delivered, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return ReadPage(listing, marker, pageNumber, cancellationToken);
            }
            catch (Exception failure) when (delivered.Count > 0 && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ListingInterruptedException(listing.Target, delivered.LastId, delivered.Count, failure);
            }
        }

        /// <exception cref="IncompleteResponseException">The response lacks its list element, or an item its Id.</exception>
        private static ListedPage<TResponse, TItem> ReadPage<TResponse, TItem>(MarkerListing<TResponse, TItem> listing,
            string? marker, int pageNumber, CancellationToken cancellationToken)
        {
            var stopwatch = Stopwatch.StartNew();
            var response = listing.RequestPage(marker, cancellationToken).GetAwaiter().GetResult();
            var (isTruncated, nextMarker, items) = listing.ReadPage(response)
                ?? throw new IncompleteResponseException($"The response has no {listing.ListElement} element.");
            items ??= Array.Empty<TItem>();
            foreach (var item in items)
            {
                if (string.IsNullOrEmpty(listing.IdOf(item)))
                    throw new IncompleteResponseException($"The response has a {listing.ItemElement} without an Id.");
            }
            return new ListedPage<TResponse, TItem>(listing.Operation, listing.Target, pageNumber, marker, response, items,
                isTruncated == true, nextMarker, stopwatch.Elapsed);
        }

        /// <summary>What has been delivered so far, so a failure can say where to resume.</summary>
        private sealed class Progress<TResponse, TItem>
        {
            private readonly MarkerListing<TResponse, TItem> _listing;

            internal Progress(MarkerListing<TResponse, TItem> listing, string? startMarker)
            {
                _listing = listing;
                LastId = startMarker;
            }

            internal int Count { get; private set; }
            /// <summary>The id of the last item delivered (the start marker before any): resuming after it loses nothing.</summary>
            internal string? LastId { get; private set; }

            internal void Add(IReadOnlyList<TItem> items)
            {
                Count += items.Count;
                if (items.Count > 0) LastId = _listing.IdOf(items[items.Count - 1]);
            }

            internal InvalidListingException Violation(ListingViolation violation, string message) =>
                new InvalidListingException(violation, _listing.Target, LastId, Count, message);
        }
    }
}
