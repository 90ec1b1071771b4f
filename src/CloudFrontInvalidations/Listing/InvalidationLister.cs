using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations
{
    /// <summary>
    /// Follows the Marker → NextMarker chain of one distribution and yields each page as it arrives,
    /// so the caller can write items before the next request is sent and stop fetching early.
    /// Knows nothing of PowerShell.
    /// </summary>
    public sealed class InvalidationLister
    {
        private readonly IInvalidationPageSource _source;

        public InvalidationLister(IInvalidationPageSource source)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
        }

        /// <param name="distributionId">The distribution whose invalidations are listed.</param>
        /// <param name="startMarker">Start after this invalidation id; null for the newest.</param>
        /// <param name="pageSize">Sent as MaxItems; null lets the service choose (100 on CloudFront).</param>
        /// <param name="autoIterate">Follow NextMarker until IsTruncated is false; otherwise one page.</param>
        /// <param name="readAhead">
        /// From the second page on, request the next page as soon as a page arrives, so the caller writes one
        /// page while the next is on the wire. Never after the first page: a caller that stops within it
        /// (Select-Object -First) still sends one request. Pass false when the caller stops at a count.
        /// </param>
        public IEnumerable<InvalidationPage> ListPages(string distributionId, string? startMarker, int? pageSize,
            bool autoIterate, CancellationToken cancellationToken, bool readAhead = false)
        {
            var marker = string.IsNullOrEmpty(startMarker) ? null : startMarker;
            var markersSent = new HashSet<string>(StringComparer.Ordinal);
            var delivered = new Progress(marker);
            // Cancelled when the caller stops early, so a page read ahead is abandoned.
            using var listing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            PendingPage? pending = null;
            try
            {
                for (var pageNumber = 1; ; pageNumber++)
                {
                    if (marker != null) markersSent.Add(marker);
                    var page = (pending ?? Request(distributionId, marker, pageSize, listing.Token))
                        .Complete(pageNumber, delivered, listing.Token);
                    pending = null;

                    var list = page.Response.InvalidationList!;
                    var next = autoIterate && list.IsTruncated == true ? list.NextMarker : null;
                    var followable = !string.IsNullOrEmpty(next) && !markersSent.Contains(next!);
                    if (readAhead && pageNumber > 1 && followable)
                        pending = Request(distributionId, next, pageSize, listing.Token);

                    yield return page;
                    delivered.Add(page.Items);

                    if (!autoIterate || list.IsTruncated != true) yield break;
                    if (string.IsNullOrEmpty(next))
                        throw delivered.Violation(ListingViolation.TruncatedWithoutNextMarker, distributionId,
                            "The service said the list is truncated (IsTruncated=true) but sent no NextMarker to continue from.");
                    if (!followable)
                        throw delivered.Violation(ListingViolation.RepeatedNextMarker, distributionId,
                            $"The service sent NextMarker '{next}' again; following it would repeat a page forever.");
                    marker = next;
                }
            }
            finally
            {
                if (pending != null)
                {
                    listing.Cancel();
                    pending.Abandon();
                }
            }
        }

        private PendingPage Request(string distributionId, string? marker, int? pageSize, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new ListInvalidationsRequest { DistributionId = distributionId, Marker = marker, MaxItems = pageSize };
            Task<ListInvalidationsResponse> response;
            try
            {
                response = _source.ListInvalidationsAsync(request, cancellationToken);
            }
            catch (Exception failure)
            {
                // A source that fails before going async is reported like one that fails on the wire.
                response = Task.FromException<ListInvalidationsResponse>(failure);
            }
            return new PendingPage(distributionId, request, response);
        }

        /// <summary>A request on the wire, and how its answer becomes a checked page.</summary>
        private sealed class PendingPage
        {
            private readonly string _distributionId;
            private readonly ListInvalidationsRequest _request;
            private readonly Task<ListInvalidationsResponse> _response;
            private readonly Stopwatch _stopwatch = Stopwatch.StartNew();

            internal PendingPage(string distributionId, ListInvalidationsRequest request, Task<ListInvalidationsResponse> response)
            {
                _distributionId = distributionId;
                _request = request;
                _response = response;
            }

            internal InvalidationPage Complete(int pageNumber, Progress delivered, CancellationToken cancellationToken)
            {
                ListInvalidationsResponse response;
                try
                {
                    response = _response.GetAwaiter().GetResult();
                }
                catch (Exception failure) when (delivered.Count > 0 && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    throw new ListingInterruptedException(_distributionId, delivered.LastId, delivered.Count, failure);
                }

                var list = response.InvalidationList ?? throw delivered.Violation(ListingViolation.IncompleteResponse,
                    _distributionId, "The response has no InvalidationList element.");
                var items = (IReadOnlyList<InvalidationSummary>?)list.Items ?? Array.Empty<InvalidationSummary>();
                foreach (var item in items)
                {
                    if (string.IsNullOrEmpty(item.Id))
                        throw delivered.Violation(ListingViolation.IncompleteResponse, _distributionId,
                            "The response has an InvalidationSummary without an Id.");
                    item.DistributionId = _distributionId;
                }
                return new InvalidationPage(_distributionId, pageNumber, _request.Marker, _request.MaxItems, response, items, _stopwatch.Elapsed);
            }

            /// <summary>The caller stopped: nobody will read this answer, so its failure must not go unobserved.</summary>
            internal void Abandon() => _response.ContinueWith(abandoned => _ = abandoned.Exception,
                CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        }

        /// <summary>What has been delivered so far, so a failure can say where to resume.</summary>
        private sealed class Progress
        {
            internal Progress(string? startMarker) => LastId = startMarker;

            internal int Count { get; private set; }
            /// <summary>The Id of the last item delivered (the start marker before any): resuming after it loses nothing.</summary>
            internal string? LastId { get; private set; }

            internal void Add(IReadOnlyList<InvalidationSummary> items)
            {
                Count += items.Count;
                if (items.Count > 0) LastId = items[items.Count - 1].Id;
            }

            internal InvalidListingException Violation(ListingViolation violation, string distributionId, string message) =>
                new InvalidListingException(violation, distributionId, LastId, Count, message);
        }
    }

    /// <summary>One response of the chain, with what the caller needs to report it.</summary>
    public sealed class InvalidationPage
    {
        internal InvalidationPage(string distributionId, int pageNumber, string? requestMarker, int? requestedPageSize,
            ListInvalidationsResponse response, IReadOnlyList<InvalidationSummary> items, TimeSpan elapsed)
        {
            DistributionId = distributionId;
            PageNumber = pageNumber;
            RequestMarker = requestMarker;
            RequestedPageSize = requestedPageSize;
            Response = response;
            Items = items;
            Elapsed = elapsed;
        }

        public string DistributionId { get; }
        public int PageNumber { get; }
        public string? RequestMarker { get; }
        public int? RequestedPageSize { get; }
        public ListInvalidationsResponse Response { get; }
        public IReadOnlyList<InvalidationSummary> Items { get; }
        public TimeSpan Elapsed { get; }
    }
}
