using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Reporting;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Waits until invalidations are Completed, writing each one (as Get-CFInvalidation writes it) in the poll round
    /// it is seen Completed. Inputs are gathered first (with -DistributionId alone: what is in progress on it now);
    /// the wait starts once the pipeline has given them all.
    /// </summary>
    // The default parameter set is -InputObject's, as on Get-CFInvalidation: PowerShell binds a pipeline object to the
    // default set's parameters first, and in the distribution set a tenant's invalidation would bind by value, its Id
    // taken for -DistributionId.
    [Cmdlet(VerbsLifecycle.Wait, "CFInvalidation", DefaultParameterSetName = GetCFInvalidationCommand.InputObjectSet)]
    [OutputType(typeof(DistributionInvalidation), ParameterSetName = new[] { GetCFInvalidationCommand.DistributionSet })]
    [OutputType(typeof(DistributionTenantInvalidation), ParameterSetName = new[] { GetCFInvalidationCommand.DistributionTenantSet })]
    [OutputType(typeof(DistributionInvalidation), typeof(DistributionTenantInvalidation), ParameterSetName = new[] { GetCFInvalidationCommand.InputObjectSet })]
    public sealed class WaitCFInvalidationCommand : ConcurrentAwsCmdlet
    {
        /// <summary>AWS's own invalidation waiter polls every 20 s.</summary>
        internal const int DefaultPollIntervalSec = 20;
        internal const int DefaultTimeoutSec = 1800;
        private const int ProgressActivityId = 2;
        private const string ProgressActivity = "Waiting for invalidations";

        private readonly List<InvalidationTarget> _targets = new List<InvalidationTarget>();
        private readonly HashSet<InvalidationTarget> _seen = new HashSet<InvalidationTarget>();
        private InvalidationInvocation? _invocation;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = GetCFInvalidationCommand.DistributionSet,
            ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string[] DistributionId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = GetCFInvalidationCommand.DistributionTenantSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionTenantId]
        public string[] DistributionTenantId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Without it, every invalidation in progress on each distribution (or tenant) when it is listed; with it, these
        /// invalidations of each one.
        /// </summary>
        [Parameter(Position = 1, ParameterSetName = GetCFInvalidationCommand.DistributionSet, ValueFromPipelineByPropertyName = true)]
        [Parameter(Position = 1, ParameterSetName = GetCFInvalidationCommand.DistributionTenantSet, ValueFromPipelineByPropertyName = true)]
        [Alias("InvalidationId")]
        [ValidateNotNullOrEmpty]
        [ValidateInvalidationId]
        public string[]? Id { get; set; }

        /// <summary>Items of Get-CFInvalidationList, whole (see GetCFInvalidationCommand.InputObjectSet).</summary>
        [Parameter(Mandatory = true, ParameterSetName = GetCFInvalidationCommand.InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public InvalidationSummary[] InputObject { get; set; } = Array.Empty<InvalidationSummary>();

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = DefaultPollIntervalSec;

        /// <summary>For the whole wait (not per HTTP attempt, as on Get-CFInvalidationList).</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSec { get; set; } = DefaultTimeoutSec;

        protected override void BeginProcessing() => _invocation = new InvalidationInvocation(Connect(null));

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case GetCFInvalidationCommand.InputObjectSet:
                    foreach (var item in InputObject) Add(ListedTarget(item));
                    break;
                case GetCFInvalidationCommand.DistributionTenantSet:
                    foreach (var tenantId in DistributionTenantId) AddOwned(InvalidationOwner.Tenant(tenantId));
                    break;
                default:
                    foreach (var idOrName in DistributionId)
                        if (ResolveDistributionId(_invocation!.DistributionNames, idOrName) is { } distributionId)
                            AddOwned(InvalidationOwner.Distribution(distributionId));
                    break;
            }
        }

        /// <summary>-Id's invalidations of the owner, or without -Id every invalidation in progress on it now.</summary>
        private void AddOwned(InvalidationOwner owner)
        {
            if (Id is { Length: > 0 } ids)
                foreach (var id in ids) Add(new InvalidationTarget(owner, id));
            else
                AddInProgress(owner);
        }

        protected override void EndProcessing()
        {
            var invocation = _invocation!;
            var waiter = new InvalidationWaiter(invocation.Getter.Get, ErrorMap.MayPass, new StopwatchWaitClock());
            var options = new WaitOptions(TimeSpan.FromSeconds(PollIntervalSec), TimeSpan.FromSeconds(TimeoutSec), ThrottleLimit);
            try
            {
                foreach (var waitEvent in waiter.Wait(_targets, options, StoppingToken)) Write(waitEvent);
            }
            catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing to report.
            }
            finally
            {
                WriteProgress(new ProgressRecord(ProgressActivityId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
            }
        }

        private void Add(InvalidationTarget target)
        {
            // The same invalidation given twice is waited for, and written, once.
            if (_seen.Add(target)) _targets.Add(target);
        }

        /// <summary>Lists the distribution (or tenant) now and adds its invalidations in progress; a failed listing is that input's error.</summary>
        private void AddInProgress(InvalidationOwner owner)
        {
            var before = _targets.Count;
            try
            {
                foreach (var page in _invocation!.Lister.ListPages(owner, new ListingOptions(), StoppingToken))
                    foreach (var item in page.Items.Where(item => item.Status != Invalidation.CompletedStatus))
                        Add(new InvalidationTarget(owner, item.Id!));
            }
            catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception failure)
            {
                WriteFailure(failure, ErrorMap.ToErrorRecord(failure, $"{ErrorMap.ListingActivity} of {owner}", owner.Id));
                return;
            }
            WriteVerbose($"{owner}: {_targets.Count - before} invalidation(s) in progress to wait for.");
        }

        private void Write(WaitEvent waitEvent)
        {
            switch (waitEvent.Kind)
            {
                case WaitEventKind.Completed:
                    WriteObject(waitEvent.Invalidation);
                    break;
                case WaitEventKind.Failed:
                    WriteFailure(waitEvent.Failure!, ErrorMap.ToErrorRecord(waitEvent.Failure!, $"Waiting for {waitEvent.Target}", waitEvent.Target!.Id));
                    break;
                case WaitEventKind.PollFailed:
                    WriteVerbose($"Polling {waitEvent.Target} failed, trying again next round: {waitEvent.Failure!.Message}");
                    break;
                case WaitEventKind.TimedOut:
                    WriteError(ErrorMap.ToErrorRecord(waitEvent.Failure!, $"Waiting for {waitEvent.Target}",
                        (object?)waitEvent.Invalidation ?? waitEvent.Target!.Id));
                    break;
                case WaitEventKind.RoundEnded:
                    WriteProgress(waitEvent.Progress!);
                    break;
            }
        }

        private void WriteProgress(WaitProgress progress)
        {
            var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} completed, {2:hh\\:mm\\:ss} elapsed",
                progress.Completed, progress.Total, progress.Elapsed);
            if (progress.Failed > 0) status += string.Format(CultureInfo.InvariantCulture, ", {0} failed", progress.Failed);
            var record = new ProgressRecord(ProgressActivityId, ProgressActivity, status)
            {
                PercentComplete = progress.Total == 0 ? 100 : (progress.Completed + progress.Failed) * 100 / progress.Total,
            };
            if (progress.OldestPending != null)
            {
                record.CurrentOperation = "Oldest still in progress: " + progress.OldestPending
                    + (progress.OldestPendingCreateTime is DateTime created
                        ? ", created " + LocalInstant.Format(created) : "");
            }
            WriteProgress(record);
        }

        private protected override void DisposeInvocation() => _invocation?.Dispose();

        private protected override string Activity => "Waiting for invalidations";
    }
}
