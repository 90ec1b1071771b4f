using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// How many HTTP attempts of one client may be in flight, learned from the service's Throttling answers
    /// (additive increase, multiplicative decrease, as TCP does): no limit until the first Throttling; then half
    /// of what was in flight; one more after each limit's worth of answers that were not throttled. Shared by every
    /// concurrent listing of the client, so a burst that the service refuses slows all of them down together; the
    /// throttled attempt itself is retried by <see cref="CommandRetryPolicy"/> until it is admitted, and waits here for a
    /// slot first.
    /// </summary>
    internal sealed class AdaptiveConcurrencyLimit
    {
        private readonly object _gate = new object();
        private readonly LinkedList<TaskCompletionSource<long>> _waiters = new LinkedList<TaskCompletionSource<long>>();
        private int _limit = int.MaxValue;
        private int _inFlight;
        private int _answersSinceChange;
        // Bumped at every decrease: the other attempts that were in flight then and are throttled too are part of
        // the same burst, and must not halve the limit again.
        private long _generation;

        /// <summary>int.MaxValue until the service first throttles.</summary>
        internal int Limit
        {
            get { lock (_gate) return _limit; }
        }

        internal int InFlight
        {
            get { lock (_gate) return _inFlight; }
        }

        /// <summary>Waits, first come first served, until an attempt may start; the result is passed to <see cref="Exit"/>.</summary>
        internal async Task<long> EnterAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<long> waiter;
            LinkedListNode<TaskCompletionSource<long>> node;
            lock (_gate)
            {
                if (_inFlight < _limit && _waiters.Count == 0)
                {
                    _inFlight++;
                    return _generation;
                }
                waiter = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
                node = _waiters.AddLast(waiter);
            }
            using (cancellationToken.Register(() =>
            {
                lock (_gate)
                {
                    if (node.List == null) return; // admitted meanwhile: its slot is released by Exit
                    _waiters.Remove(node);
                }
                waiter.TrySetCanceled(cancellationToken);
            }))
            {
                return await waiter.Task.ConfigureAwait(false);
            }
        }

        /// <param name="generation">What <see cref="EnterAsync"/> returned for this attempt.</param>
        /// <param name="throttled">The service answered Throttling.</param>
        internal void Exit(long generation, bool throttled)
        {
            lock (_gate)
            {
                var inFlightWithThis = _inFlight;
                _inFlight--;
                if (throttled)
                {
                    if (generation == _generation)
                    {
                        _limit = Math.Max(1, Math.Min(_limit, inFlightWithThis) / 2);
                        _generation++;
                        _answersSinceChange = 0;
                    }
                }
                else if (_limit != int.MaxValue && ++_answersSinceChange >= _limit)
                {
                    _limit++;
                    _answersSinceChange = 0;
                }
                while (_inFlight < _limit && _waiters.First is LinkedListNode<TaskCompletionSource<long>> first)
                {
                    _waiters.RemoveFirst();
                    _inFlight++;
                    first.Value.TrySetResult(_generation);
                }
            }
        }
    }
}
