using System;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Concurrency;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>
    /// Waits until invalidations are Completed, in rounds: each round gets every invalidation still pending (at most
    /// ThrottleLimit requests at once, through <see cref="OrderedFanOut{TInput,TResult}"/>), reports those now
    /// Completed or failed, then sleeps one poll interval. A completed or failed invalidation is never polled again.
    /// Knows neither PowerShell nor HTTP: the get, the failure classification and the clock are given.
    /// </summary>
    /// <remarks>
    /// Events come in the round an invalidation is seen Completed (so in order of completion, to the poll interval),
    /// and within a round in input order. The timeout is checked between rounds, and a round still in flight at the
    /// deadline is cut short: its requests are cancelled and their invalidations time out.
    /// </remarks>
    internal sealed class InvalidationWaiter
    {
        private readonly Func<InvalidationTarget, CancellationToken, Invalidation> _get;
        private readonly Func<Exception, bool> _mayPass;
        private readonly IWaitClock _clock;

        /// <param name="get">One request for one invalidation; blocks until its answer.</param>
        /// <param name="mayPass">
        /// True for a failure that may pass (server errors, timeouts, broken connections after the SDK's retries): the invalidation
        /// stays pending and is polled again next round. Any other failure takes it out of the wait.
        /// </param>
        internal InvalidationWaiter(Func<InvalidationTarget, CancellationToken, Invalidation> get, Func<Exception, bool> mayPass, IWaitClock clock)
        {
            _get = get;
            _mayPass = mayPass;
            _clock = clock;
        }

        /// <summary>The wait's events, produced lazily on the caller's thread; the first round starts at once.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<WaitEvent> Wait(IReadOnlyList<InvalidationTarget> targets, WaitOptions options, CancellationToken cancellationToken)
        {
            var pending = new List<InvalidationTarget>(targets);
            var lastAnswers = new Dictionary<InvalidationTarget, Invalidation>();
            int completed = 0, failed = 0;
            // One result per unit, so no unit need wait for the consumer before it ends and frees its slot.
            using var polls = new OrderedFanOut<InvalidationTarget, Invalidation>(options.ThrottleLimit, bufferCapacity: 1,
                fetchAhead: true, cancellationToken);
            // The timeout holds even while a request is in flight (a silent endpoint, throttling retried until admitted): a
            // moment after the deadline, which leaves the round started there time for its answers, every poll still running
            // is cancelled, and its invalidation times out with the others.
            using var deadline = _clock.CancelAt(options.Timeout + LastRoundGrace);
            while (true)
            {
                foreach (var target in pending) polls.AddOne(target, token => GetBefore(target, token, deadline.Token));
                var stillPending = new List<InvalidationTarget>(pending.Count);
                foreach (var delivery in polls.Drain(maxPending: 0))
                {
                    var target = delivery.Input;
                    switch (delivery.Kind)
                    {
                        case DeliveryKind.Result when delivery.Result.IsCompleted:
                            completed++;
                            lastAnswers.Remove(target);
                            yield return WaitEvent.Completed(target, delivery.Result);
                            break;
                        case DeliveryKind.Result:
                            lastAnswers[target] = delivery.Result;
                            stillPending.Add(target);
                            break;
                        case DeliveryKind.Failed:
                            cancellationToken.ThrowIfCancellationRequested();
                            if (deadline.IsCancellationRequested && delivery.Failure is OperationCanceledException)
                            {
                                stillPending.Add(target);
                            }
                            else if (_mayPass(delivery.Failure!))
                            {
                                stillPending.Add(target);
                                yield return WaitEvent.PollFailed(target, delivery.Failure!);
                            }
                            else
                            {
                                failed++;
                                lastAnswers.Remove(target);
                                yield return WaitEvent.Failed(target, delivery.Failure!);
                            }
                            break;
                    }
                }
                pending = stillPending;
                yield return WaitEvent.RoundEnded(Progress(pending, lastAnswers, completed, failed, targets.Count));
                if (pending.Count == 0) yield break;

                var left = options.Timeout - _clock.Elapsed;
                if (left <= TimeSpan.Zero || deadline.IsCancellationRequested)
                {
                    foreach (var target in pending)
                    {
                        lastAnswers.TryGetValue(target, out var lastAnswer);
                        yield return WaitEvent.TimedOut(target, lastAnswer,
                            new WaitTimeoutException(target.Id, lastAnswer?.Status, options.Timeout));
                    }
                    yield break;
                }
                _clock.Delay(left < options.PollInterval ? left : options.PollInterval, cancellationToken);
            }
        }

        /// <summary>How long the round started at the deadline may run before its requests are cancelled.</summary>
        internal static readonly TimeSpan LastRoundGrace = TimeSpan.FromSeconds(3);

        private Invalidation GetBefore(InvalidationTarget target, CancellationToken stopping, CancellationToken deadline)
        {
            using var either = CancellationTokenSource.CreateLinkedTokenSource(stopping, deadline);
            return _get(target, either.Token);
        }

        private WaitProgress Progress(List<InvalidationTarget> pending, Dictionary<InvalidationTarget, Invalidation> lastAnswers,
            int completed, int failed, int total)
        {
            InvalidationTarget? oldest = null;
            DateTime? oldestCreateTime = null;
            foreach (var target in pending)
            {
                var createTime = lastAnswers.TryGetValue(target, out var answer) ? answer.CreateTime : null;
                if (oldest == null || (createTime != null && (oldestCreateTime == null || createTime < oldestCreateTime)))
                {
                    oldest = target;
                    oldestCreateTime = createTime;
                }
            }
            return new WaitProgress(completed, failed, total, _clock.Elapsed, oldest, oldestCreateTime);
        }
    }
}
