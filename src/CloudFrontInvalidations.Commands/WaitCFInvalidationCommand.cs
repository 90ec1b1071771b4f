using System;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Getting;
using CloudFrontInvalidations.Listing;
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

        private CloudFrontClient? _client;
        private WaitInputs? _inputs;
        private WaitEventWriter? _writer;

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

        private protected override void Begin()
        {
            _client = Connect(null);
            _inputs = new WaitInputs(new InvalidationLister(_client.ListInvalidationsAsync));
            _writer = new WaitEventWriter(this, (_, invalidation) => WriteObject(invalidation));
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case GetCFInvalidationCommand.InputObjectSet:
                    foreach (var item in InputObject) _inputs!.Add(ListedTarget(item));
                    break;
                case GetCFInvalidationCommand.DistributionTenantSet:
                    foreach (var tenantId in DistributionTenantId) AddOwned(InvalidationOwner.Tenant(tenantId));
                    break;
                default:
                    foreach (var idOrName in DistributionId)
                        if (ResolveDistributionId(idOrName) is { } distributionId)
                            AddOwned(InvalidationOwner.Distribution(distributionId));
                    break;
            }
        }

        /// <summary>-Id's invalidations of the owner, or without -Id every invalidation in progress on it now.</summary>
        private void AddOwned(InvalidationOwner owner) => WriteEvents(_inputs!.AddOwned(owner, Id, StoppingToken), _writer!.Write);

        protected override void EndProcessing()
        {
            var client = _client!;
            var waiter = new InvalidationWaiter((target, token) => InvalidationGetter.GetOne(client.GetInvalidationAsync, target, token),
                ErrorMap.MayPass, new StopwatchWaitClock());
            var options = new WaitOptions(TimeSpan.FromSeconds(PollIntervalSec), TimeSpan.FromSeconds(TimeoutSec), ThrottleLimit);
            try
            {
                WriteEvents(waiter.Wait(_inputs!.Targets, options, StoppingToken), _writer!.Write);
            }
            finally
            {
                _writer!.Done();
            }
        }

        private protected override void DisposeInvocation() => _client?.Dispose();

        private protected override string Activity => "Waiting for invalidations";
    }
}
