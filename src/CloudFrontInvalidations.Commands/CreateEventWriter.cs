using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Errors;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Writes a creation's events (New-CFInvalidation): each invalidation created, failures and capacity timeouts as errors,
    /// a progress record while a batch waits for capacity, and (-Debug) each attempt the SDK saw fail.
    /// </summary>
    internal sealed class CreateEventWriter
    {
        /// <summary>How many paths -WhatIf and -Verbose show of a batch.</summary>
        internal const int PathsPreviewed = 5;
        private const int ProgressActivityId = 3;

        private readonly AwsSessionCmdlet _cmdlet;
        private readonly Action<InvalidationTarget, Invalidation> _writeCreated;
        // Attempts fail on SDK threads; each is written from the pipeline thread with the next event.
        private readonly ConcurrentQueue<RequestAttempt> _failedAttempts = new ConcurrentQueue<RequestAttempt>();

        /// <param name="writeCreated">Takes each invalidation created (to write it now, or to wait for it).</param>
        internal CreateEventWriter(AwsSessionCmdlet cmdlet, Action<InvalidationTarget, Invalidation> writeCreated)
        {
            _cmdlet = cmdlet;
            _writeCreated = writeCreated;
        }

        /// <summary>Thread-safe: hand it to <see cref="CloudFrontClient.AttemptFailed"/>.</summary>
        internal void RecordFailedAttempt(RequestAttempt attempt) => _failedAttempts.Enqueue(attempt);

        internal void Write(CreateEvent createEvent)
        {
            while (_failedAttempts.TryDequeue(out var attempt)) _cmdlet.WriteDebug(attempt.ToString());
            var batch = createEvent.Batch;
            switch (createEvent.Kind)
            {
                case CreateEventKind.Created:
                    var invalidation = createEvent.Invalidation!;
                    _cmdlet.WriteVerbose($"Created {invalidation.Id} ({invalidation.Status}): {batch.Preview(PathsPreviewed)}");
                    _writeCreated(new InvalidationTarget(createEvent.Owner, invalidation.Id!), invalidation);
                    break;
                case CreateEventKind.Failed:
                    _cmdlet.WriteFailure(createEvent.Failure!, ErrorMap.ToErrorRecord(createEvent.Failure!, $"Creating an invalidation of {batch}", batch.Owner.Id));
                    break;
                case CreateEventKind.WaitingForCapacity:
                    var activity = $"Waiting for in-progress invalidations on {batch.Owner} to complete";
                    var status = $"CloudFront refused {batch} {createEvent.Refusals} time(s) in a row; next attempt in {createEvent.RetryIn.TotalSeconds:0} s";
                    _cmdlet.WriteVerbose($"{activity}: {status}.");
                    _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, status));
                    break;
                case CreateEventKind.TimedOut:
                    _cmdlet.WriteError(ErrorMap.ToErrorRecord(createEvent.Failure!, $"Creating invalidations of {createEvent.Owner}", createEvent.Owner.Id));
                    break;
            }
        }

        /// <summary>Ends the progress bar, however the creation ended.</summary>
        internal void Done() =>
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, "Waiting for capacity", "Done") { RecordType = ProgressRecordType.Completed });
    }
}
