using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// Sends planned batches, one request at a time, each owner's in order. A batch CloudFront refuses with
    /// TooManyInvalidationsInProgress waits for capacity: it is sent again after a back-off that doubles with each refusal
    /// in a row, while other owners' batches go on; past the timeout the owner's unsent batches are reported together.
    /// Knows neither PowerShell nor HTTP: the request and the clock are given.
    /// </summary>
    /// <remarks>
    /// Retries of one request (throttling, 5xx, a lost answer) are the SDK's, with the same CallerReference: CloudFront
    /// answers a batch it already created with that invalidation, so none is created twice. The timeout holds even while a
    /// request is in flight: a moment after it (which leaves the attempt made at the timeout time for its answer) the request
    /// is cancelled. A batch whose outcome is unknown (cut that way, or its answer lost or incomplete) is never sent again with
    /// another reference: it is reported with its own (<see cref="UnknownCreateOutcomeException"/>).
    /// </remarks>
    internal sealed class InvalidationCreator
    {
        private readonly Func<PlannedBatch, CancellationToken, Invalidation> _create;
        private readonly Func<Exception, bool> _mayPass;
        private readonly IWaitClock _clock;

        /// <param name="create">One CreateInvalidation for the batch (with the SDK's retries); blocks until its answer.</param>
        /// <param name="mayPass">
        /// Which failures may pass if tried again (timeouts, lost connections, server errors): a create that failed so may have
        /// been created; a poll of -Wait that failed so is tried again (see <see cref="InvalidationWaiter"/>).
        /// </param>
        internal InvalidationCreator(Func<PlannedBatch, CancellationToken, Invalidation> create, Func<Exception, bool> mayPass, IWaitClock clock)
        {
            _create = create;
            _mayPass = mayPass;
            _clock = clock;
        }

        /// <summary>The creation's events, produced lazily on the caller's thread; the first request goes at once.</summary>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<CreateEvent> Create(IReadOnlyList<PlannedBatch> batches, CreateOptions options, CancellationToken cancellationToken)
        {
            var owners = new List<OwnerQueue>();
            foreach (var batch in batches)
            {
                var queue = owners.FirstOrDefault(q => q.Owner.Equals(batch.Owner));
                if (queue == null) owners.Add(queue = new OwnerQueue(batch.Owner));
                queue.Pending.Enqueue(batch);
            }

            using var deadline = _clock.CancelAt(options.Timeout + InvalidationWaiter.LastRoundGrace);
            using var requestsEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            while (true)
            {
                foreach (var queue in owners)
                {
                    while (queue.Pending.Count > 0 && queue.DueAt <= _clock.Elapsed)
                    {
                        var batch = queue.Pending.Peek();
                        if (deadline.IsCancellationRequested)
                        {
                            queue.Pending.Dequeue();
                            yield return CreateEvent.Failed(batch, new TimeoutException(
                                $"-TimeoutSec ({options.Timeout.TotalSeconds:0.#} s) passed before this batch could be sent: nothing was sent for it."), _clock.Elapsed);
                            continue;
                        }
                        Invalidation? created = null;
                        Exception? failure = null;
                        try
                        {
                            created = _create(batch, requestsEnd.Token);
                        }
                        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                        {
                            throw;
                        }
                        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
                        {
                            failure = new UnknownCreateOutcomeException(batch, new TimeoutException(
                                $"-TimeoutSec ({options.Timeout.TotalSeconds:0.#} s) passed while CreateInvalidation for {batch.Owner} had no answer; the request was cancelled."));
                        }
                        catch (Exception requestFailure)
                        {
                            failure = requestFailure;
                        }

                        if (failure is TooManyInvalidationsInProgressException refusal)
                        {
                            queue.Refused(refusal, options, _clock.Elapsed);
                            if (!queue.OutOfTime)
                                yield return CreateEvent.WaitingForCapacity(batch, refusal, queue.Refusals, _clock.Elapsed, queue.DueAt - _clock.Elapsed);
                            break;
                        }
                        queue.Pending.Dequeue();
                        queue.Accepted();
                        yield return failure == null
                            ? CreateEvent.Created(batch, created!, _clock.Elapsed)
                            : CreateEvent.Failed(batch, Classify(batch, failure), _clock.Elapsed);
                    }
                }

                // An owner is out of time once refused at or after the timeout: its last attempt was at the timeout at the earliest.
                foreach (var queue in owners.Where(q => q.OutOfTime && q.Pending.Count > 0))
                {
                    var unsent = queue.Pending.ToList();
                    queue.Pending.Clear();
                    var failure = new InvalidationCapacityTimeoutException(queue.Owner,
                        unsent.SelectMany(batch => batch.SentPaths).ToList(), options.Timeout, queue.LastRefusal);
                    yield return CreateEvent.TimedOut(queue.Owner, unsent, failure, queue.Refusals, _clock.Elapsed);
                }
                var waiting = owners.Where(q => q.Pending.Count > 0).ToList();
                if (waiting.Count == 0) yield break;
                var now = _clock.Elapsed;
                var nextDue = waiting.Min(q => q.DueAt);
                if (nextDue > now) _clock.Delay(nextDue - now, cancellationToken);
            }
        }

        /// <summary>
        /// <see cref="Create"/>, then (New-CFInvalidation -Wait) the wait for every invalidation it created, each wait event as a
        /// <see cref="CreateEventKind.Waited"/> event. A completed invalidation keeps the Location CreateInvalidation gave:
        /// GetInvalidation, which the waiter polls, gives none.
        /// </summary>
        /// <param name="get">One GetInvalidation, as <see cref="InvalidationWaiter"/> polls.</param>
        /// <param name="waitOptions">Its timeout counts from the creation's start, on this creator's clock: one timeout bounds the whole call.</param>
        /// <exception cref="OperationCanceledException">The token was cancelled (Ctrl+C).</exception>
        internal IEnumerable<CreateEvent> CreateAndWait(IReadOnlyList<PlannedBatch> batches, CreateOptions options,
            Func<InvalidationTarget, CancellationToken, Invalidation> get, WaitOptions waitOptions,
            CancellationToken cancellationToken)
        {
            var created = new List<InvalidationTarget>();
            var locations = new Dictionary<InvalidationTarget, string?>();
            foreach (var createEvent in Create(batches, options, cancellationToken))
            {
                if (createEvent.Kind == CreateEventKind.Created)
                {
                    var target = createEvent.CreatedTarget;
                    created.Add(target);
                    locations[target] = createEvent.Invalidation!.Location;
                }
                yield return createEvent;
            }
            if (created.Count == 0) yield break;
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var waitEvent in new InvalidationWaiter(get, _mayPass, _clock).Wait(created, waitOptions, cancellationToken))
            {
                if (waitEvent.Kind == WaitEventKind.Completed) waitEvent.Invalidation!.Location = locations[waitEvent.Target!];
                yield return CreateEvent.Waited(waitEvent, _clock.Elapsed);
            }
        }

        /// <summary>
        /// A refusal of the batch's CallerReference becomes its own failure; one that leaves the outcome unknown carries the
        /// batch's reference and paths; any other is reported as it came.
        /// </summary>
        private Exception Classify(PlannedBatch batch, Exception failure)
        {
            if (failure is UnknownCreateOutcomeException) return failure;
            if (failure is CloudFrontServiceException answer && CallerReferenceConflictException.IsConflict(answer))
                return new CallerReferenceConflictException(batch.Owner, batch.CallerReference, answer);
            return InvalidationAnswer.IsUnusable(failure) || _mayPass(failure) ? new UnknownCreateOutcomeException(batch, failure) : failure;
        }

        /// <summary>One owner's batches not yet sent, and its back-off.</summary>
        private sealed class OwnerQueue
        {
            private TimeSpan _nextRetry;

            internal OwnerQueue(InvalidationOwner owner) => Owner = owner;

            internal InvalidationOwner Owner { get; }
            internal Queue<PlannedBatch> Pending { get; } = new Queue<PlannedBatch>();
            /// <summary>When the head batch may be sent (again).</summary>
            internal TimeSpan DueAt { get; private set; }
            internal int Refusals { get; private set; }
            internal Exception? LastRefusal { get; private set; }

            /// <summary>True once refused at or after the timeout.</summary>
            internal bool OutOfTime { get; private set; }

            /// <summary>Schedules the next attempt after a back-off, never past the timeout: the last attempt is at it.</summary>
            internal void Refused(Exception refusal, CreateOptions options, TimeSpan now)
            {
                Refusals++;
                LastRefusal = refusal;
                OutOfTime = now >= options.Timeout;
                _nextRetry = Refusals == 1 ? options.FirstRetry : Min(_nextRetry + _nextRetry, options.MaxRetry);
                DueAt = Min(now + _nextRetry, options.Timeout);
            }

            /// <summary>The head batch got an answer: the next one goes at once, with a fresh back-off.</summary>
            internal void Accepted()
            {
                Refusals = 0;
                DueAt = TimeSpan.Zero;
            }

            private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
        }
    }
}
