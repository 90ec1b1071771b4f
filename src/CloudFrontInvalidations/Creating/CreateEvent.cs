using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One thing <see cref="InvalidationCreator.Create"/> (or <see cref="InvalidationCreator.CreateAndWait"/>) reports, on the caller's thread.</summary>
    /// <param name="Owner">Whose batches; for <see cref="CreateEventKind.Waited"/>, the owner of the invalidation waited for, if the wait event is about one.</param>
    /// <param name="Batches">The batch the event is about; for <see cref="CreateEventKind.TimedOut"/>, every batch of the owner not sent; none for <see cref="CreateEventKind.Waited"/>.</param>
    /// <param name="Refusals">How many times in a row CloudFront refused the owner's batch for capacity.</param>
    /// <param name="Elapsed">Since the creation began.</param>
    /// <param name="WaitEvent">For <see cref="CreateEventKind.Waited"/>: what the wait reported.</param>
    internal sealed record CreateEvent(CreateEventKind Kind, InvalidationOwner? Owner, IReadOnlyList<PlannedBatch> Batches,
        Invalidation? Invalidation, Exception? Failure, int Refusals, TimeSpan Elapsed, TimeSpan RetryIn, WaitEvent? WaitEvent = null)
    {
        internal PlannedBatch Batch => Batches[0];

        /// <summary>For <see cref="CreateEventKind.Created"/>: the invalidation created, to write or wait for.</summary>
        internal InvalidationTarget CreatedTarget => new InvalidationTarget(Batch.Owner, Invalidation!.Id!);

        internal static CreateEvent Created(PlannedBatch batch, Invalidation invalidation, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.Created, batch.Owner, new[] { batch }, invalidation, null, 0, elapsed, TimeSpan.Zero);

        internal static CreateEvent Failed(PlannedBatch batch, Exception failure, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.Failed, batch.Owner, new[] { batch }, null, failure, 0, elapsed, TimeSpan.Zero);

        internal static CreateEvent WaitingForCapacity(PlannedBatch batch, Exception refusal, int refusals, TimeSpan elapsed, TimeSpan retryIn) =>
            new CreateEvent(CreateEventKind.WaitingForCapacity, batch.Owner, new[] { batch }, null, refusal, refusals, elapsed, retryIn);

        internal static CreateEvent TimedOut(InvalidationOwner owner, IReadOnlyList<PlannedBatch> unsent, InvalidationCapacityTimeoutException failure,
            int refusals, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.TimedOut, owner, unsent, null, failure, refusals, elapsed, TimeSpan.Zero);

        internal static CreateEvent Waited(WaitEvent waitEvent, TimeSpan elapsed) =>
            new CreateEvent(CreateEventKind.Waited, waitEvent.Target?.Owner, Array.Empty<PlannedBatch>(), waitEvent.Invalidation, waitEvent.Failure,
                0, elapsed, TimeSpan.Zero, waitEvent);
    }
}
