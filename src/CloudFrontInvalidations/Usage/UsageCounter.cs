using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Concurrency;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>
    /// Counts a billing month's invalidation paths per distribution (or tenant): lists each owner's invalidations
    /// newest first, skipping what is newer than the month and stopping at the page that reaches past its start,
    /// then gets each invalidation of the month once (ListInvalidations does not carry paths). Every request, the
    /// listings and the gets alike, goes through one <see cref="OrderedFanOut{TInput,TResult}"/>, so at most
    /// ThrottleLimit are in flight, and owners are reported in scope order (ListDistributions order, or as given).
    /// Knows neither PowerShell nor HTTP.
    /// </summary>
    /// <remarks>
    /// The load in progress is a fact of now, not of the month. The listing passes over everything newer than the
    /// month's end anyway (newest first), so an invalidation it shows InProgress, whenever created, is got once
    /// too and counted into the load only: that costs a request per invalidation in progress (a handful: they
    /// finish within minutes) and no listing request; so is one older than the month on the last page listed. One
    /// still in progress on a page after that is not seen: on a current month, only a batch from the last minutes of
    /// the previous month can be.
    /// No invalidation is got twice: each item of a listing is one get at most, and the pager never repeats a page.
    /// The gets found wait for room in the fan-out, which delivers in input order: an owner's gets come after its
    /// listing, so a listing run whole would queue every get of the month before the first could be counted. A
    /// listing unit therefore lists <see cref="PagesPerUnit"/> pages at most, and the owner's listing goes on in a
    /// unit of its own only once every get found so far is in the fan-out: the gets waiting for room are never more
    /// than the pages the fan-out's buffers may hold anyway, whatever the month's invalidations.
    /// </remarks>
    internal sealed class UsageCounter
    {
        /// <summary>Pages one listing unit lists, and so holds ahead of the count at most.</summary>
        private const int PagesPerUnit = 4;
        /// <summary>Gets counted between two progress reports (and one per owner reported).</summary>
        private const int ProgressEvery = 50;

        private readonly IUsageSource _source;

        internal UsageCounter(IUsageSource source)
        {
            _source = source;
        }

        /// <summary>The count's events, produced lazily on the caller's thread.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<UsageEvent> Count(UsageOptions options, CancellationToken cancellationToken)
        {
            var month = options.Month;
            var beyondHistory = month.IsBeyondHistory(options.NowUtc);
            if (beyondHistory)
            {
                yield return UsageEvent.Warning($"{month} is older than the invalidation history CloudFront lists (the current and " +
                    "previous billing months): invalidations of that month may no longer be listed, so the counts may be lower than what was billed.");
            }

            var count = new Tally(this, options, cancellationToken);
            using var fanOut = count.FanOut;
            count.Feed();
            while (fanOut.Pending > 0)
            {
                foreach (var delivery in fanOut.Drain(maxPending: 0))
                {
                    // A unit stopped by the token completes without its result: never count that as done.
                    cancellationToken.ThrowIfCancellationRequested();
                    var progressDue = count.Take(delivery);
                    foreach (var reported in count.ReportFinished()) yield return reported;
                    if (progressDue) yield return count.Progress();
                    count.Feed();
                }
                count.Feed();
            }
            foreach (var reported in count.ReportFinished()) yield return reported;
            if (count.AccountFailure is Exception failure)
            {
                count.Failed.Add(DistributionLister.Target);
                yield return UsageEvent.Failed(DistributionLister.Target, DistributionLister.Activity, failure);
            }
            yield return UsageEvent.Totals(new UsageSummary(month.Name, options.Owners == null, count.Counted, count.OwnersCounted,
                count.Failed, options.PricePerPath, beyondHistory));
        }

        /// <summary>The state of one count: the owners in scope order, the gets waiting for room in the fan-out.</summary>
        private sealed class Tally
        {
            private readonly UsageCounter _counter;
            private readonly UsageOptions _options;
            private readonly CancellationToken _token;
            private readonly IEnumerator<InvalidationOwner> _scope;
            private readonly int _window;
            private readonly Queue<OwnerCount> _unreported = new Queue<OwnerCount>();
            private readonly Queue<Work> _gets = new Queue<Work>();
            /// <summary>Owners whose listing stopped after a unit's pages, in the order they stopped.</summary>
            private readonly Queue<OwnerCount> _paused = new Queue<OwnerCount>();
            private bool _scopeEnded;
            private int _ownersSeen;
            private int _ownersDone;
            private int _found;
            private int _got;

            internal Tally(UsageCounter counter, UsageOptions options, CancellationToken token)
            {
                _counter = counter;
                _options = options;
                _token = token;
                _scope = options.Owners?.GetEnumerator()
                    ?? counter._source.ListDistributions(token).SelectMany(page => page).GetEnumerator();
                // Units queued beyond those running keep every slot busy while the head of the queue is awaited.
                _window = 4 * options.ThrottleLimit;
                Failed = new List<string>(options.Unresolved ?? Array.Empty<string>());
                FanOut = new OrderedFanOut<Work, Step>(options.ThrottleLimit, PagesPerUnit, fetchAhead: true, token);
            }

            internal OrderedFanOut<Work, Step> FanOut { get; }
            internal List<InvalidationUsage> Counted { get; } = new List<InvalidationUsage>();
            internal int OwnersCounted { get; private set; }
            internal List<string> Failed { get; }
            /// <summary>ListDistributions failed; the distributions listed before it are counted.</summary>
            internal Exception? AccountFailure { get; private set; }

            /// <summary>
            /// Queues work while there is room: the gets found first (they finish owners), then, once they are all queued,
            /// the rest of a paused listing, then the next owner's listing.
            /// </summary>
            internal void Feed()
            {
                while (FanOut.Pending < _window)
                {
                    if (_gets.Count > 0)
                    {
                        var get = _gets.Dequeue();
                        if (get.Owner.Failure != null)
                        {
                            get.Owner.GetsOutstanding--; // the owner is reported failed: its count is moot
                            continue;
                        }
                        var target = get.Target!;
                        FanOut.AddOne(get, token => new Step(null, _counter._source.GetInvalidation(target, token)));
                        continue;
                    }
                    if (_paused.Count > 0)
                    {
                        var paused = _paused.Dequeue();
                        if (paused.Failure != null)
                        {
                            paused.Pages!.Dispose(); // a get failed: the owner is reported failed, the rest of its listing is moot
                            paused.Listed = true;
                            continue;
                        }
                        FanOut.Add(new Work(paused, null, false), token => ListPages(paused, token));
                        continue;
                    }
                    if (_scopeEnded || !NextOwner(out var owner)) return;
                    var count = new OwnerCount(owner, _options.Month.Name);
                    _unreported.Enqueue(count);
                    // An owner given by the user was checked on binding; one listed by the service is checked here.
                    if (_options.Owners == null && IdRule.Distribution.Refuse(owner.Id, "ListDistributions") is { } refused)
                    {
                        count.Refuse(refused, $"Counting invalidation usage: {DistributionLister.Activity.ToLowerInvariant()}");
                        continue;
                    }
                    FanOut.Add(new Work(count, null, false), token => ListPages(count, token));
                }
            }

            private bool NextOwner(out InvalidationOwner owner)
            {
                owner = null!;
                try
                {
                    if (_scope.MoveNext())
                    {
                        owner = _scope.Current;
                        _ownersSeen++;
                        return true;
                    }
                }
                catch (Exception failure) when (!(failure is OperationCanceledException && _token.IsCancellationRequested))
                {
                    AccountFailure = failure;
                }
                _scopeEnded = true;
                _scope.Dispose();
                return false;
            }

            /// <summary>
            /// A listing unit: the owner's next pages, <see cref="PagesPerUnit"/> at most, from the listing its first
            /// unit began (every unit of the fan-out is given the same token), up to the month's start: the page holding
            /// the first older item is the last one requested (the pager requests a page only when asked for it, and it
            /// is not asked). Sets <see cref="OwnerCount.ListingEnded"/> when the listing is over, before the unit completes.
            /// </summary>
            private IEnumerable<Step> ListPages(OwnerCount count, CancellationToken token)
            {
                var pages = count.Pages ??= _counter._source.ListInvalidations(count.Owner, token).GetEnumerator();
                var window = _options.Month.Window;
                var over = true;
                try
                {
                    for (var listed = 0; listed < PagesPerUnit; listed++)
                    {
                        if (!pages.MoveNext()) yield break;
                        var page = pages.Current;
                        yield return new Step(page);
                        if (page.Any(item => window.IsOlder(item.CreateTime))) yield break;
                    }
                    over = false;
                }
                finally
                {
                    // Ended, failed or stopped; a paused listing is taken up by the owner's next unit.
                    if (over)
                    {
                        pages.Dispose();
                        count.ListingEnded = true;
                    }
                }
            }

            /// <summary>Takes one delivery in; true when a progress report is due.</summary>
            internal bool Take(Delivery<Work, Step> delivery)
            {
                var work = delivery.Input;
                var owner = work.Owner;
                switch (delivery.Kind)
                {
                    case DeliveryKind.Result when work.Target == null:
                        var window = _options.Month.Window;
                        foreach (var item in delivery.Result.Page!)
                        {
                            var inMonth = window.Contains(item.CreateTime);
                            if (!inMonth && string.Equals(item.Status, Invalidation.CompletedStatus, StringComparison.Ordinal)) continue;
                            // Its paths cannot be got, so the owner's count would be short: the owner fails with it.
                            if (IdRule.Invalidation.Refuse(item.Id, owner.Owner.OperationName("ListInvalidations")) is { } refused)
                            {
                                if (owner.Failure == null)
                                {
                                    owner.Failure = refused;
                                    owner.FailedActivity = $"Counting invalidation usage of {owner.Owner}: listing its invalidations";
                                }
                                continue;
                            }
                            _gets.Enqueue(new Work(owner, new InvalidationTarget(owner.Owner, item.Id!), inMonth));
                            owner.GetsOutstanding++;
                            _found++;
                        }
                        return false;
                    case DeliveryKind.Result:
                        owner.Usage.Add(delivery.Result.Invalidation!, work.CreatedInMonth);
                        owner.GetsOutstanding--;
                        _got++;
                        return _got % ProgressEvery == 0;
                    case DeliveryKind.Completed when work.Target == null:
                        if (owner.ListingEnded) owner.Listed = true;
                        else _paused.Enqueue(owner);
                        return false;
                    case DeliveryKind.Failed:
                        if (owner.Failure == null)
                        {
                            owner.Failure = delivery.Failure;
                            owner.FailedActivity = work.Target == null
                                ? $"Counting invalidation usage of {owner.Owner}: listing its invalidations"
                                : $"Counting invalidation usage of {owner.Owner}: getting {work.Target}";
                        }
                        if (work.Target == null) owner.Listed = true;
                        else owner.GetsOutstanding--;
                        return false;
                    default:
                        return false;
                }
            }

            /// <summary>The owners now finished at the head of scope order, each once.</summary>
            internal IEnumerable<UsageEvent> ReportFinished()
            {
                while (_unreported.Count > 0 && _unreported.Peek().IsFinished)
                {
                    var owner = _unreported.Dequeue();
                    _ownersDone++;
                    if (owner.Failure != null)
                    {
                        Failed.Add(owner.Target);
                        yield return UsageEvent.Failed(owner.Target, owner.FailedActivity!, owner.Failure);
                    }
                    else
                    {
                        OwnersCounted++;
                        if (owner.Usage.Invalidations > 0)
                        {
                            Counted.Add(owner.Usage);
                            yield return UsageEvent.Counted(owner.Usage);
                        }
                    }
                    yield return Progress();
                }
            }

            internal UsageEvent Progress() => UsageEvent.Progressed(new UsageProgress(_ownersDone,
                _scopeEnded && AccountFailure == null ? _ownersSeen : _options.Owners?.Count, _got, _found));
        }

        /// <summary>One owner's count until it is reported.</summary>
        private sealed class OwnerCount
        {
            internal OwnerCount(InvalidationOwner owner, string month)
            {
                Owner = owner;
                Usage = new InvalidationUsage(owner, month);
                Target = owner.Id;
            }

            /// <summary>Listed with an id no request may carry: failed at once, nothing requested.</summary>
            internal void Refuse(InvalidIdInResponseException refused, string activity)
            {
                Failure = refused;
                FailedActivity = activity;
                Target = refused.Id ?? string.Empty;
                Listed = true;
            }

            internal InvalidationOwner Owner { get; }
            internal InvalidationUsage Usage { get; }
            /// <summary>The id its failure names: the owner's, or for one refused the id as a message may quote it.</summary>
            internal string Target { get; private set; }
            /// <summary>Its listing, begun by its first listing unit and taken up by each next one.</summary>
            internal IEnumerator<IReadOnlyList<InvalidationSummary>>? Pages { get; set; }
            /// <summary>Set by a listing unit's thread when the listing is over, before the unit completes; read by the count after.</summary>
            internal bool ListingEnded { get; set; }
            /// <summary>Its listing ended, by its last page or by a failure, and the count has taken that in.</summary>
            internal bool Listed { get; set; }
            /// <summary>Gets found and not yet answered.</summary>
            internal int GetsOutstanding { get; set; }
            internal Exception? Failure { get; set; }
            internal string? FailedActivity { get; set; }
            internal bool IsFinished => Listed && GetsOutstanding == 0;
        }

        /// <summary>A unit of the fan-out: an owner's listing (no target), or one get.</summary>
        private sealed record Work(OwnerCount Owner, InvalidationTarget? Target, bool CreatedInMonth);

        /// <summary>A unit's result: a listing's page, or a get's answer (exactly one is set).</summary>
        private sealed record Step(IReadOnlyList<InvalidationSummary>? Page, Invalidation? Invalidation = null);
    }
}
