using System;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Writes a wait's events (Wait-CFInvalidation, New-CFInvalidation -Wait): each invalidation in the round it is seen
    /// Completed, failures and timeouts as errors, a progress record per round; and the events of gathering its inputs.
    /// </summary>
    internal sealed class WaitEventWriter
    {
        private const int ProgressActivityId = 2;
        private const string ProgressActivity = "Waiting for invalidations";

        private readonly AwsSessionCmdlet _cmdlet;
        private readonly Action<InvalidationTarget, Invalidation> _writeCompleted;

        /// <param name="writeCompleted">Writes a completed invalidation (as the cmdlet's output is selected).</param>
        internal WaitEventWriter(AwsSessionCmdlet cmdlet, Action<InvalidationTarget, Invalidation> writeCompleted)
        {
            _cmdlet = cmdlet;
            _writeCompleted = writeCompleted;
        }

        internal void Write(WaitEvent waitEvent)
        {
            switch (waitEvent.Kind)
            {
                case WaitEventKind.Completed:
                    _writeCompleted(waitEvent.Target!, waitEvent.Invalidation!);
                    break;
                case WaitEventKind.Failed:
                    _cmdlet.WriteFailure(waitEvent.Failure!, ErrorMap.ToErrorRecord(waitEvent.Failure!, $"Waiting for {waitEvent.Target}", waitEvent.Target!.Id));
                    break;
                case WaitEventKind.PollFailed:
                    _cmdlet.WriteVerbose($"Polling {waitEvent.Target} failed, trying again next round: {waitEvent.Failure!.Message}");
                    break;
                case WaitEventKind.TimedOut:
                    _cmdlet.WriteError(ErrorMap.ToErrorRecord(waitEvent.Failure!, $"Waiting for {waitEvent.Target}",
                        (object?)waitEvent.Invalidation ?? waitEvent.Target!.Id));
                    break;
                case WaitEventKind.ListingFailed:
                    _cmdlet.WriteFailure(waitEvent.Failure!, ErrorMap.ToErrorRecord(waitEvent.Failure!, waitEvent.Activity!, waitEvent.FailedId));
                    break;
                case WaitEventKind.Verbose:
                    _cmdlet.WriteVerbose(waitEvent.Text!);
                    break;
                case WaitEventKind.RoundEnded:
                    WriteProgress(waitEvent.Progress!);
                    break;
            }
        }

        /// <summary>Ends the progress bar, however the wait ended.</summary>
        internal void Done() =>
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });

        private void WriteProgress(WaitProgress progress) =>
            _cmdlet.WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, progress.Status)
            {
                PercentComplete = progress.PercentComplete,
                CurrentOperation = progress.OldestPendingDescription,
            });
    }
}
