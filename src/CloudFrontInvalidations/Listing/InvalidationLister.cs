using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
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
        public IEnumerable<InvalidationPage> ListPages(string distributionId, string? startMarker, int? pageSize,
            bool autoIterate, CancellationToken cancellationToken)
        {
            var marker = string.IsNullOrEmpty(startMarker) ? null : startMarker;
            var markersSent = new HashSet<string>(StringComparer.Ordinal);
            var delivered = new Progress(marker);
            for (var pageNumber = 1; ; pageNumber++)
            {
                if (marker != null) markersSent.Add(marker);
                var page = FetchPage(distributionId, marker, pageSize, pageNumber, delivered, cancellationToken);
                yield return page;
                delivered.Add(page.Items);

                var list = page.Response.InvalidationList!;
                if (!autoIterate || list.IsTruncated != true) yield break;
                var next = list.NextMarker;
                if (string.IsNullOrEmpty(next))
                    throw delivered.Violation(ListingViolation.TruncatedWithoutNextMarker, distributionId,
                        "The service said the list is truncated (IsTruncated=true) but sent no NextMarker to continue from.");
                if (markersSent.Contains(next!))
                    throw delivered.Violation(ListingViolation.RepeatedNextMarker, distributionId,
                        $"The service sent NextMarker '{next}' again; following it would repeat a page forever.");
                marker = next;
            }
        }

        private InvalidationPage FetchPage(string distributionId, string? marker, int? pageSize, int pageNumber,
            Progress delivered, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = new ListInvalidationsRequest { DistributionId = distributionId, Marker = marker, MaxItems = pageSize };
            var stopwatch = Stopwatch.StartNew();
            ListInvalidationsResponse response;
            try
            {
                response = _source.ListInvalidationsAsync(request, cancellationToken).GetAwaiter().GetResult();
            }
            catch (Exception failure) when (delivered.Count > 0 && !(failure is OperationCanceledException && cancellationToken.IsCancellationRequested))
            {
                throw new ListingInterruptedException(distributionId, delivered.LastId, delivered.Count, failure);
            }

            var list = response.InvalidationList ?? throw delivered.Violation(ListingViolation.IncompleteResponse,
                distributionId, "The response has no InvalidationList element.");
            var items = (IReadOnlyList<InvalidationSummary>?)list.Items ?? Array.Empty<InvalidationSummary>();
            foreach (var item in items)
            {
                if (string.IsNullOrEmpty(item.Id))
                    throw delivered.Violation(ListingViolation.IncompleteResponse, distributionId,
                        "The response has an InvalidationSummary without an Id.");
                item.DistributionId = distributionId;
            }
            return new InvalidationPage(distributionId, pageNumber, marker, pageSize, response, items, stopwatch.Elapsed);
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
