using System;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>
    /// What a wait is given, gathered as the pipeline gives it: each invalidation once, in the order it was first given
    /// (the same invalidation given twice is waited for, and written, once). An owner given without ids brings what is in
    /// progress on it when it is listed.
    /// </summary>
    internal sealed class WaitInputs
    {
        private readonly InvalidationLister _lister;
        private readonly List<InvalidationTarget> _targets = new List<InvalidationTarget>();
        private readonly HashSet<InvalidationTarget> _seen = new HashSet<InvalidationTarget>();

        internal WaitInputs(InvalidationLister lister) => _lister = lister;

        /// <summary>The invalidations to wait for, each once.</summary>
        internal IReadOnlyList<InvalidationTarget> Targets => _targets;

        internal void Add(InvalidationTarget target)
        {
            if (_seen.Add(target)) _targets.Add(target);
        }

        /// <summary>
        /// Adds the owner's <paramref name="ids"/>, or without ids every invalidation in progress on it now, as the events
        /// are read (nothing is listed or added before). Events: a failed listing (that input's error; nothing is added),
        /// an error for each invalidation listed with an id no request may carry, then how many were added.
        /// </summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<WaitEvent> AddOwned(InvalidationOwner owner, IReadOnlyCollection<string>? ids, CancellationToken cancellationToken)
        {
            if (ids is { Count: > 0 })
            {
                foreach (var id in ids) Add(new InvalidationTarget(owner, id));
                yield break;
            }
            var activity = $"{ListingEngine.Activity} of {owner}";
            var (targets, refused, failure) = ListInProgress(owner, cancellationToken);
            if (failure != null)
            {
                yield return WaitEvent.ListingFailed(failure, activity, owner.Id);
                yield break;
            }
            var before = _targets.Count;
            foreach (var target in targets!) Add(target);
            foreach (var invalid in refused!) yield return WaitEvent.ListingFailed(invalid, activity, invalid.Id);
            yield return WaitEvent.Verbose($"{owner}: {_targets.Count - before} invalidation(s) in progress to wait for.");
        }

        /// <summary>The lister's answer, or the failure that is this input's error; Ctrl+C is thrown on.</summary>
        private (List<InvalidationTarget>? Targets, List<InvalidIdInResponseException>? Refused, Exception? Failure) ListInProgress(
            InvalidationOwner owner, CancellationToken cancellationToken)
        {
            try
            {
                var (targets, refused) = _lister.InProgress(owner, cancellationToken);
                return (targets, refused, null);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception failure)
            {
                return (null, null, failure);
            }
        }
    }
}
