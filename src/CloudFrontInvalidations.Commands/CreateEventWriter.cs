using System;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Errors;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Writes a creation's events (New-CFInvalidation): each invalidation created, failures and capacity timeouts as errors,
    /// a progress record while a batch waits for capacity, (-Debug) each attempt the SDK saw fail, and with -Wait the
    /// wait's events as Wait-CFInvalidation writes them.
    /// </summary>
    internal sealed class CreateEventWriter
    {
        private const int ProgressActivityId = 3;

        private readonly AwsSessionCmdlet _cmdlet;
        private readonly Action<InvalidationTarget, Invalidation> _write;
        private readonly bool _writeOnceCompleted;
        private readonly WaitEventWriter _waitWriter;
        private bool _waited;

        /// <param name="write">Writes an invalidation (as the cmdlet's output is selected).</param>
        /// <param name="writeOnceCompleted">-Wait: each invalidation is written once the wait sees it Completed, not when created.</param>
        internal CreateEventWriter(AwsSessionCmdlet cmdlet, Action<InvalidationTarget, Invalidation> write, bool writeOnceCompleted)
        {
            _cmdlet = cmdlet;
            _write = write;
            _writeOnceCompleted = writeOnceCompleted;
            _waitWriter = new WaitEventWriter(cmdlet, write);
        }

        internal void Write(CreateEvent createEvent)
        {
            switch (createEvent.Kind)
            {
                case CreateEventKind.Created:
                    var invalidation = createEvent.Invalidation!;
                    _cmdlet.WriteVerbose($"Created {invalidation.Id} ({invalidation.Status}): {createEvent.Batch.Description}");
                    if (!_writeOnceCompleted) _write(createEvent.CreatedTarget, invalidation);
                    break;
                case CreateEventKind.Failed:
                    var batch = createEvent.Batch;
                    _cmdlet.WriteFailure(createEvent.Failure!, ErrorMap.ToErrorRecord(createEvent.Failure!, $"Creating an invalidation of {batch}", batch.Owner.Id));
                    break;
                case CreateEventKind.WaitingForCapacity:
                    var activity = $"Waiting for in-progress invalidations on {createEvent.Owner} to complete";
                    var status = $"CloudFront refused {createEvent.Batch} {createEvent.Refusals} time(s) in a row; next attempt in {createEvent.RetryIn.TotalSeconds:0} s";
                    _cmdlet.WriteVerbose($"{activity}: {status}.");
                    _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, activity, status));
                    break;
                case CreateEventKind.TimedOut:
                    _cmdlet.WriteError(ErrorMap.ToErrorRecord(createEvent.Failure!, $"Creating invalidations of {createEvent.Owner}", createEvent.Owner!.Id));
                    break;
                case CreateEventKind.Waited:
                    // Every batch was sent: the wait for completion has a progress bar of its own.
                    if (!_waited) EndCapacityProgress();
                    _waited = true;
                    _waitWriter.Write(createEvent.WaitEvent!);
                    break;
            }
        }

        /// <summary>Ends the progress bar, however the creation (and the wait) ended.</summary>
        internal void Done()
        {
            if (_waited) _waitWriter.Done();
            else EndCapacityProgress();
        }

        private void EndCapacityProgress() =>
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, "Waiting for capacity", "Done") { RecordType = ProgressRecordType.Completed });
    }
}
