using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One thing <see cref="InvalidationCreator.Create"/> reports, on the caller's thread.</summary>
    internal sealed class CreateEvent
    {
        private CreateEvent(CreateEventKind kind, InvalidationOwner owner, IReadOnlyList<PlannedBatch> batches,
            Invalidation? invalidation, Exception? failure, int refusals, TimeSpan elapsed, TimeSpan retryIn)
        {
            Kind = kind;
            Owner = owner;
            Batches = batches;
            Invalidation = invalidation;
            Failure = failure;
            Refusals = refusals;
            Elapsed = elapsed;
            RetryIn = retryIn;
        }

        internal CreateEventKind Kind { get; }
        internal InvalidationOwner Owner { get; }
        /// <summary>The batch the event is about; for <see cref="CreateEventKind.TimedOut"/>, every batch of the owner not sent.</summary>
        internal IReadOnlyList<PlannedBatch> Batches { get; }
        internal PlannedBatch Batch => Batches[0];
        internal Invalidation? Invalidation { get; }
        internal Exception? Failure { get; }
        /// <summary>How many times in a row CloudFront refused the owner's batch for capacity.</summary>
        internal int Refusals { get; }
        /// <summary>Since the creation began.</summary>
        internal TimeSpan Elapsed { get; }
        internal TimeSpan RetryIn { get; }

        internal static CreateEvent Created(PlannedBatch batch, Invalidation invalidation, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.Created, batch.Owner, new[] { batch }, invalidation, null, 0, elapsed, TimeSpan.Zero);

        internal static CreateEvent Failed(PlannedBatch batch, Exception failure, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.Failed, batch.Owner, new[] { batch }, null, failure, 0, elapsed, TimeSpan.Zero);

        internal static CreateEvent WaitingForCapacity(PlannedBatch batch, Exception refusal, int refusals, TimeSpan elapsed, TimeSpan retryIn) =>
            new CreateEvent(CreateEventKind.WaitingForCapacity, batch.Owner, new[] { batch }, null, refusal, refusals, elapsed, retryIn);

        internal static CreateEvent TimedOut(InvalidationOwner owner, IReadOnlyList<PlannedBatch> unsent, InvalidationCapacityTimeoutException failure,
            int refusals, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.TimedOut, owner, unsent, null, failure, refusals, elapsed, TimeSpan.Zero);
    }
}
