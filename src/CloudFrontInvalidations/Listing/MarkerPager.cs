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
    /// (<see cref="ListingInterruptedException"/>). Pages are yielded as they arrive, so the caller writes
    /// items before the next request is sent and can stop fetching early. Knows nothing of PowerShell.
    /// </summary>
    internal static class MarkerPager
    {
        internal static IEnumerable<ListedPage<TResponse, TItem>> ListPages<TResponse, TItem>(
            MarkerListing<TResponse, TItem> listing, ListingOptions options, CancellationToken cancellationToken)
        {
            var marker = string.IsNullOrEmpty(options.StartMarker) ? null : options.StartMarker;
            var markersSent = new HashSet<string>(StringComparer.Ordinal);
            var delivered = new Progress<TResponse, TItem>(listing, marker);
            // Cancelled when the caller stops early, so a page read ahead is abandoned.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            PendingPage<TResponse, TItem>? pending = null;
            try
            {
                for (var pageNumber = 1; ; pageNumber++)
                {
                    if (marker != null) markersSent.Add(marker);
                    var page = (pending ?? PendingPage<TResponse, TItem>.Send(listing, marker, stopping.Token))
                        .Complete(pageNumber, delivered, stopping.Token);
                    pending = null;

                    var next = options.AutoIterate && page.IsTruncated ? page.NextMarker : null;
                    var followable = !string.IsNullOrEmpty(next) && !markersSent.Contains(next!);
                    // Never after the first page: a caller that stops within it (Select-Object -First) still sends one request.
                    if (options.ReadAhead && pageNumber > 1 && followable)
                        pending = PendingPage<TResponse, TItem>.Send(listing, next, stopping.Token);

                    yield return page;
                    delivered.Add(page.Items);

                    if (!options.AutoIterate || !page.IsTruncated) yield break;
                    if (string.IsNullOrEmpty(next))
                        throw delivered.Violation(ListingViolation.TruncatedWithoutNextMarker,
                            "The service said the list is truncated (IsTruncated=true) but sent no NextMarker to continue from.");
                    if (!followable)
                        throw delivered.Violation(ListingViolation.RepeatedNextMarker,
                            $"The service sent NextMarker '{next}' again; following it would repeat a page forever.");
                    marker = next;
                }
            }
            finally
            {
                if (pending != null)
                {
                    stopping.Cancel();
                    pending.Abandon();
                }
            }
        }

        /// <summary>A request on the wire, and how its answer becomes a checked page.</summary>
        private sealed class PendingPage<TResponse, TItem>
        {
            private readonly MarkerListing<TResponse, TItem> _listing;
            private readonly string? _marker;
            private readonly Task<TResponse> _response;
            private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

            private PendingPage(MarkerListing<TResponse, TItem> listing, string? marker, Task<TResponse> response)
            {
                _listing = listing;
                _marker = marker;
                _response = response;
            }

            internal static PendingPage<TResponse, TItem> Send(MarkerListing<TResponse, TItem> listing, string? marker,
                CancellationToken cancellationToken)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Task<TResponse> response;
                try
                {
                    response = listing.RequestPage(marker, cancellationToken);
                }
                catch (Exception failure)
                {
                    // A source that fails before going async is reported like one that fails on the wire.
                    response = Task.FromException<TResponse>(failure);
                }
                return new PendingPage<TResponse, TItem>(listing, marker, response);
            }

            internal ListedPage<TResponse, TItem> Complete(int pageNumber, Progress<TResponse, TItem> delivered,
                CancellationToken cancellationToken)
            {
                TResponse response;
                try
                {
                    response = _response.GetAwaiter().GetResult();
                }
                catch (Exception failure) when (delivered.Count > 0 && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    throw new ListingInterruptedException(_listing.Target, delivered.LastId, delivered.Count, failure);
                }

                var contents = _listing.ReadPage(response) ?? throw delivered.Violation(ListingViolation.IncompleteResponse,
                    $"The response has no {_listing.ListElement} element.");
                foreach (var item in contents.Items)
                {
                    if (string.IsNullOrEmpty(_listing.IdOf(item)))
                        throw delivered.Violation(ListingViolation.IncompleteResponse, $"The response has a {_listing.ItemElement} without an Id.");
                }
                return new ListedPage<TResponse, TItem>(_listing.Operation, _listing.Target, pageNumber, _marker, response, contents, _stopwatch.Elapsed);
            }

            /// <summary>The caller stopped: nobody will read this answer, so its failure must not go unobserved.</summary>
            internal void Abandon() => _response.ContinueWith(abandoned => _ = abandoned.Exception,
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
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
