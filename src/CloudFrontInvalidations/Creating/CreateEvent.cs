using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One thing <see cref="InvalidationCreator.Create"/> reports, on the caller's thread.</summary>
    /// <param name="Batches">The batch the event is about; for <see cref="CreateEventKind.TimedOut"/>, every batch of the owner not sent.</param>
    /// <param name="Refusals">How many times in a row CloudFront refused the owner's batch for capacity.</param>
    /// <param name="Elapsed">Since the creation began.</param>
    internal sealed record CreateEvent(CreateEventKind Kind, InvalidationOwner Owner, IReadOnlyList<PlannedBatch> Batches,
        Invalidation? Invalidation, Exception? Failure, int Refusals, TimeSpan Elapsed, TimeSpan RetryIn)
    {
        internal PlannedBatch Batch => Batches[0];

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
