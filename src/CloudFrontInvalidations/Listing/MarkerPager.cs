using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>One call of a wire operation; the client's methods and test scripts both fit.</summary>
    internal delegate Task<TResponse> Operation<in TRequest, TResponse>(TRequest request, CancellationToken cancellationToken);

    /// <summary>What the pager must know of one Marker → NextMarker listing (ListInvalidations, ListDistributions, ...).</summary>
    internal sealed class MarkerListing<TResponse, TItem>
    {
        /// <param name="operation">The API's name for the operation (ListInvalidations), for reports.</param>
        /// <param name="target">What is listed, for errors: a distribution id, a tenant id, "the account".</param>
        /// <param name="requestPage">Sends the request for the page after a marker (null: the first page).</param>
        /// <param name="readPage">The page's list element; null when the response lacks it.</param>
        /// <param name="idOf">An item's id: every item must have one, and the last one delivered is where to resume.</param>
        /// <param name="listElement">The list element's name, and its items', for what a broken response lacks.</param>
        internal MarkerListing(string operation, string target, Func<string?, CancellationToken, Task<TResponse>> requestPage,
            Func<TResponse, PageContents<TItem>?> readPage, Func<TItem, string?> idOf, string listElement, string itemElement)
        {
            Operation = operation;
            Target = target;
            RequestPage = requestPage;
            ReadPage = readPage;
            IdOf = idOf;
            ListElement = listElement;
            ItemElement = itemElement;
        }

        internal string Operation { get; }
        internal string Target { get; }
        internal Func<string?, CancellationToken, Task<TResponse>> RequestPage { get; }
        internal Func<TResponse, PageContents<TItem>?> ReadPage { get; }
        internal Func<TItem, string?> IdOf { get; }
        internal string ListElement { get; }
        internal string ItemElement { get; }
    }

    /// <summary>The paging members of a list element.</summary>
    internal sealed class PageContents<TItem>
    {
        internal PageContents(bool? isTruncated, string? nextMarker, IReadOnlyList<TItem>? items)
        {
            IsTruncated = isTruncated == true;
            NextMarker = nextMarker;
            Items = items ?? Array.Empty<TItem>();
        }

        internal bool IsTruncated { get; }
        internal string? NextMarker { get; }
        internal IReadOnlyList<TItem> Items { get; }
    }

    /// <summary>
    /// The one Marker → NextMarker loop, with its guards: a NextMarker already sent, a truncated page without
    /// NextMarker, a response without its list or an item without an id each stop the listing with
    /// <see cref="InvalidListingException"/>; a failure after delivered pages says where to resume
    /// (<see cref="ListingInterruptedException"/>). Pages are yielded as they arrive, one request at a time, so
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

        /// <summary>Sends one request and checks its answer.</summary>
        private static ListedPage<TResponse, TItem> RequestPage<TResponse, TItem>(MarkerListing<TResponse, TItem> listing,
            string? marker, int pageNumber, Progress<TResponse, TItem> delivered, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stopwatch = Stopwatch.StartNew();
            TResponse response;
            try
            {
                response = listing.RequestPage(marker, cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception failure) when (delivered.Count > 0 && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ListingInterruptedException(listing.Target, delivered.LastId, delivered.Count, failure);
            }

            var contents = listing.ReadPage(response) ?? throw delivered.Violation(ListingViolation.IncompleteResponse,
                $"The response has no {listing.ListElement} element.");
            foreach (var item in contents.Items)
            {
                if (string.IsNullOrEmpty(listing.IdOf(item)))
                    throw delivered.Violation(ListingViolation.IncompleteResponse, $"The response has a {listing.ItemElement} without an Id.");
            }
            return new ListedPage<TResponse, TItem>(listing.Operation, listing.Target, pageNumber, marker, response, contents, stopwatch.Elapsed);
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
