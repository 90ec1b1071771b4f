using System;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Concurrency;

namespace CloudFrontInvalidations.Getting
{
    /// <summary>
    /// Gets invalidations as they are given, at most ThrottleLimit at once, and hands back each answer or failure in
    /// the order they were given. Knows neither PowerShell nor HTTP: the get is given.
    /// </summary>
    /// <remarks>
    /// Inputs arrive one by one (a pipeline), so the engine is fed rather than given a list: <see cref="Get"/> per
    /// input, then <see cref="End"/>; each returns the events ready by then, produced lazily on the caller's thread.
    /// </remarks>
    internal sealed class InvalidationGetter : IDisposable
    {
        private readonly Operation<GetInvalidationRequest, GetInvalidationResponse> _getInvalidation;
        private readonly int _throttleLimit;
        private readonly OrderedFanOut<InvalidationTarget, Invalidation> _gets;

        internal InvalidationGetter(Operation<GetInvalidationRequest, GetInvalidationResponse> getInvalidation, int throttleLimit,
            CancellationToken cancellationToken)
        {
            _getInvalidation = getInvalidation;
            _throttleLimit = throttleLimit;
            // One result per unit: nothing for a unit to wait for once it has its answer.
            _gets = new OrderedFanOut<InvalidationTarget, Invalidation>(throttleLimit, bufferCapacity: 1, fetchAhead: true, cancellationToken);
        }

        /// <summary>Queues one get after making room for it (at most ThrottleLimit pending); the events ready meanwhile.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<GetEvent> Get(InvalidationTarget target)
        {
            foreach (var ready in Events(_gets.Drain(maxPending: _throttleLimit - 1))) yield return ready;
            _gets.AddOne(target, token => GetOne(_getInvalidation, target, token));
            foreach (var ready in Events(_gets.Drain(maxPending: _throttleLimit))) yield return ready;
        }

        /// <summary>Every event still to come.</summary>
        internal IEnumerable<GetEvent> End() => Events(_gets.Drain(maxPending: 0));

        /// <summary>Stops every get in flight.</summary>
        public void Dispose() => _gets.Dispose();

        /// <summary>One blocking request for one invalidation, as a unit of OrderedFanOut runs it (a get, a poll).</summary>
        /// <exception cref="IncompleteResponseException">A 200 without the Invalidation element, its Id or its Status.</exception>
        internal static Invalidation GetOne(Operation<GetInvalidationRequest, GetInvalidationResponse> getInvalidation,
            InvalidationTarget target, CancellationToken cancellationToken)
        {
            var invalidation = getInvalidation(new GetInvalidationRequest(target), cancellationToken).GetAwaiter().GetResult().Invalidation;
            return InvalidationAnswer.RequireComplete(invalidation, $"for {target}");
        }

        private static IEnumerable<GetEvent> Events(IEnumerable<Delivery<InvalidationTarget, Invalidation>> deliveries)
        {
            foreach (var delivery in deliveries)
            {
                if (delivery.Kind == DeliveryKind.Result) yield return new GetEvent(delivery.Input, delivery.Result, null);
                else if (delivery.Kind == DeliveryKind.Failed) yield return new GetEvent(delivery.Input, null, delivery.Failure);
            }
        }
    }
}
