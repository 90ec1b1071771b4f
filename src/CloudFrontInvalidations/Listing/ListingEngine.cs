using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Concurrency;
using InvalidationPage = CloudFrontInvalidations.Listing.ListedPage<CloudFrontInvalidations.CloudFront.ListInvalidationsResponse, CloudFrontInvalidations.CloudFront.InvalidationSummary>;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// Get-CFInvalidationList's work: listings of distributions or tenants (or of every distribution of the account)
    /// run concurrently within ThrottleLimit and written in input order, -Skip/-First over everything written, and
    /// whether the count seen is the total. Knows neither PowerShell nor HTTP: the listers are given.
    /// </summary>
    /// <remarks>
    /// Inputs arrive one by one (a pipeline), so the engine is fed rather than given a list: <see cref="List"/> or
    /// <see cref="ListAccount"/> per input, then <see cref="End"/>; each returns the events ready by then, produced
    /// lazily on the caller's thread. Once -First is reached, or the token cancelled, nothing more is requested.
    /// </remarks>
    internal sealed class ListingEngine : IDisposable
    {
        /// <summary>What the engine does, as its failures' messages begin.</summary>
        internal const string Activity = "Listing invalidations";

        /// <summary>Pages a listing may hold ahead of the output: bounds memory whatever the listing's length.</summary>
        internal const int PagesAhead = 4;

        private readonly InvalidationLister _lister;
        private readonly DistributionLister _distributions;
        private readonly ListingEngineOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly PagingWindow _window;
        private readonly ListingReporter _reporter;
        private readonly OrderedFanOut<RunningListing, InvalidationPage> _fanOut;
        // What a step produced, handed out in that order before the next step.
        private readonly Queue<ListingEvent> _ready = new Queue<ListingEvent>();
        private bool _noMore;

        internal ListingEngine(InvalidationLister lister, DistributionLister distributions, ListingEngineOptions options,
            CancellationToken cancellationToken)
        {
            _lister = lister;
            _distributions = distributions;
            _options = options;
            _cancellationToken = cancellationToken;
            _window = new PagingWindow(options.Skip, options.First);
            _reporter = new ListingReporter(_ready.Enqueue);
            // A count to reach (-First) fetches no page ahead that the count may then have no use for.
            _fanOut = new OrderedFanOut<RunningListing, InvalidationPage>(options.ThrottleLimit, PagesAhead,
                fetchAhead: options.First == ulong.MaxValue, cancellationToken);
        }

        /// <summary>How many listings the invocation runs, once known: the overall progress then has a total.</summary>
        internal void ListingsExpected(int total) => _reporter.ListingsExpected(total);

        /// <summary>Queues the listings, each after making room for it (at most ThrottleLimit pending).</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<ListingEvent> List(IEnumerable<ListingInput> inputs)
        {
            foreach (var input in inputs)
            {
                foreach (var ready in Enqueue(input)) yield return ready;
                if (_noMore) yield break;
            }
        }

        /// <summary>
        /// -AllDistributions: each distribution is queued as its ListDistributions page arrives, so the first listings
        /// run while the account is still being listed. A failure of ListDistributions itself comes after the output of
        /// the distributions listed before it (they are listed to the end), and the total is then incomplete.
        /// </summary>
        /// <param name="inputFor">The listing of one distribution of the account.</param>
        internal IEnumerable<ListingEvent> ListAccount(Func<InvalidationOwner, ListingInput> inputFor)
        {
            var queued = 0;
            using var pages = _distributions.ListPages(new ListingOptions(), _cancellationToken).GetEnumerator();
            while (true)
            {
                Exception? failure = null;
                try
                {
                    if (!pages.MoveNext()) yield break;
                }
                catch (Exception listingFailed) when (!_cancellationToken.IsCancellationRequested)
                {
                    failure = listingFailed;
                }
                if (failure != null)
                {
                    foreach (var ready in Deliver(_fanOut.Drain(maxPending: 0))) yield return ready;
                    _window.MarkIncomplete();
                    var written = (int)Math.Min(_window.Written, int.MaxValue);
                    yield return ListingEvent.Failed(DistributionLister.AsCommandFailure(failure, written), DistributionLister.Activity,
                        DistributionLister.Target);
                    yield break;
                }

                var page = pages.Current;
                _reporter.DistributionPageReceived(page);
                if (!page.IsTruncated) _reporter.ListingsExpected(queued + page.Items.Count(distribution => IdRule.Distribution.Accepts(distribution.Id)));
                while (_ready.Count > 0) yield return _ready.Dequeue();
                foreach (var distribution in page.Items)
                {
                    var refused = IdRule.Distribution.Refuse(distribution.Id, "ListDistributions");
                    var events = refused == null ? Enqueue(inputFor(InvalidationOwner.Distribution(distribution.Id!))) : Refused(refused);
                    foreach (var ready in events) yield return ready;
                    if (_noMore) yield break;
                    if (refused == null) queued++;
                }
            }
        }

        /// <summary>
        /// A distribution listed with an id no request may carry: its failure, in its place among the listings' output (after
        /// the listings before it, which are waited for), and the count seen is then not the total.
        /// </summary>
        private IEnumerable<ListingEvent> Refused(InvalidIdInResponseException refused)
        {
            if (!_window.IsFull)
                foreach (var ready in Deliver(_fanOut.Drain(maxPending: 0))) yield return ready;
            _window.MarkIncomplete();
            if (_cancellationToken.IsCancellationRequested || _window.IsFull)
            {
                _noMore = true;
                yield break;
            }
            yield return ListingEvent.Failed(refused, DistributionLister.Activity, refused.Id ?? DistributionLister.Target);
        }

        /// <summary>Every event still to come, the last one <see cref="ListingEventKind.Totals"/>.</summary>
        internal IEnumerable<ListingEvent> End()
        {
            if (!_window.IsFull)
                foreach (var ready in Deliver(_fanOut.Drain(maxPending: 0))) yield return ready;
            _reporter.InvocationEnded();
            while (_ready.Count > 0) yield return _ready.Dequeue();
            yield return ListingEvent.Totals(_window.Seen, _window.IsSeenExact);
        }

        /// <summary>Stops every listing: requests in flight are abandoned (the output takes no more, Ctrl+C).</summary>
        public void Dispose() => _fanOut.Dispose();

        private IEnumerable<ListingEvent> Enqueue(ListingInput input)
        {
            // Room for this input first, handing out what is waited for; -First may be reached meanwhile.
            if (!_window.IsFull)
                foreach (var ready in Deliver(_fanOut.Drain(maxPending: _options.ThrottleLimit - 1))) yield return ready;
            if (_cancellationToken.IsCancellationRequested || _window.IsFull)
            {
                if (_window.IsFull) _window.MarkIncomplete();
                _noMore = true;
                yield break;
            }
            // "^Name" needs the parameter, not the listing: one request still checks the owner exists.
            var options = input.Options with { AutoIterate = input.Options.AutoIterate && _options.Selector.ParameterName == null };
            _fanOut.Add(new RunningListing(input, options), token => _lister.ListPages(input.Owner, options, token));
            // Whatever is ready, without waiting.
            foreach (var ready in Deliver(_fanOut.Drain(maxPending: _options.ThrottleLimit))) yield return ready;
        }

        /// <summary>The listings' events, in input order; stops once -First is reached.</summary>
        private IEnumerable<ListingEvent> Deliver(IEnumerable<Delivery<RunningListing, InvalidationPage>> deliveries)
        {
            foreach (var delivery in deliveries)
            {
                var firstReached = Handle(delivery);
                while (_ready.Count > 0) yield return _ready.Dequeue();
                if (firstReached) yield break;
            }
        }

        /// <summary>Queues the events of one delivery; true when -First is reached with it.</summary>
        private bool Handle(Delivery<RunningListing, InvalidationPage> delivery)
        {
            var listing = delivery.Input;
            var owner = listing.Input.Owner;
            switch (delivery.Kind)
            {
                case DeliveryKind.Started:
                    _reporter.ListingStarted(owner, listing.Options);
                    break;
                case DeliveryKind.Result:
                    _reporter.PageReceived(delivery.Result);
                    foreach (var output in _options.Selector.Select(delivery.Result.Response))
                        if (_window.Admit()) _ready.Enqueue(ListingEvent.Item(owner, output));
                    listing.MoreAfterLastPage = delivery.Result.IsTruncated;
                    if (_window.IsFull)
                    {
                        // -First is reached: no further request for this listing or any other.
                        if (listing.MoreAfterLastPage || _fanOut.Pending > 1) _window.MarkIncomplete();
                        _reporter.ListingEnded();
                        _fanOut.Dispose();
                        return true;
                    }
                    break;
                case DeliveryKind.Completed:
                    if (listing.MoreAfterLastPage) _window.MarkIncomplete();
                    if (_options.Selector.ParameterName != null && _window.Admit())
                        _ready.Enqueue(ListingEvent.Item(owner, _options.Selector.ParameterValue(owner, listing.Input.Options)));
                    _reporter.ListingEnded();
                    break;
                case DeliveryKind.Failed:
                    _window.MarkIncomplete();
                    _reporter.ListingEnded();
                    _ready.Enqueue(ListingEvent.Failed(delivery.Failure!, $"{Activity} of {owner}", owner.Id, owner));
                    break;
            }
            return false;
        }

        /// <summary>One listing in the fan-out, with the options it runs with (the input's, adjusted for -Select '^Name').</summary>
        private sealed record RunningListing(ListingInput Input, ListingOptions Options)
        {
            /// <summary>The last page handed out said the listing has more (so the count seen is not the total).</summary>
            internal bool MoreAfterLastPage { get; set; }
        }
    }
}
