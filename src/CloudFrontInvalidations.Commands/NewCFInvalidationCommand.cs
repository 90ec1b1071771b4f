using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Getting;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Creates invalidations (CreateInvalidation, or CreateInvalidationForDistributionTenant): paths checked and encoded before
    /// any request, gathered from the pipeline into as few batches as CloudFront's limits allow, each with a CallerReference fixed
    /// before its first attempt; waits for capacity when too many invalidations are in progress, and with -Wait for completion.
    /// </summary>
    [Cmdlet(VerbsCommon.New, "CFInvalidation", DefaultParameterSetName = GetCFInvalidationCommand.DistributionSet,
        SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(DistributionInvalidation), ParameterSetName = new[] { GetCFInvalidationCommand.DistributionSet })]
    [OutputType(typeof(DistributionTenantInvalidation), ParameterSetName = new[] { GetCFInvalidationCommand.DistributionTenantSet })]
    public sealed class NewCFInvalidationCommand : AwsSessionCmdlet
    {
        private readonly PathGatherer _paths = new PathGatherer();
        private ResponseSelector? _selector;
        private CloudFrontClient? _client;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = GetCFInvalidationCommand.DistributionSet)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string[] DistributionId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = GetCFInvalidationCommand.DistributionTenantSet)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionTenantId]
        public string[] DistributionTenantId { get; set; } = Array.Empty<string>();

        /// <summary>Paths ('/images/*') and cache tags ('#product-42'), as given or already encoded; also from the pipeline.</summary>
        [Parameter(Position = 1, ValueFromPipeline = true)]
        [Alias("Paths_Item", "InvalidationBatch_Paths_Items")]
        [AllowEmptyString]
        [AllowNull]
        public string?[]? Path { get; set; }

        /// <summary>Fixed for every attempt; re-running with the same reference and paths answers the invalidation already made.</summary>
        [Parameter]
        [Alias("InvalidationBatch_CallerReference")]
        [ValidateNotNullOrEmpty]
        public string? CallerReference { get; set; }

        /// <summary>AWS.Tools' count of the paths, checked against them before any request.</summary>
        [Parameter]
        [Alias("InvalidationBatch_Paths_Quantity")]
        public int? Paths_Quantity { get; set; }

        [Parameter]
        public SwitchParameter Wait { get; set; }

        [Parameter]
        [ValidateRange(1, 3600)]
        public int PollIntervalSec { get; set; } = WaitCFInvalidationCommand.DefaultPollIntervalSec;

        /// <summary>For the whole call: waiting for capacity, and with -Wait for completion.</summary>
        [Parameter]
        [ValidateRange(1, 604800)]
        public int TimeoutSec { get; set; } = WaitCFInvalidationCommand.DefaultTimeoutSec;

        /// <summary>AWS.Tools' -Select, on the invalidation written: '*' (default), 'Invalidation.Id', 'Location', '^DistributionId'.</summary>
        [Parameter]
        public string Select { get; set; } = "*";

        /// <summary>Creates without asking, even when $ConfirmPreference or -Confirm would ask; -WhatIf still sends nothing.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        private bool IsTenant => ParameterSetName == GetCFInvalidationCommand.DistributionTenantSet;

        private protected override void Begin()
        {
            _selector = CheckParameters(() => ResponseSelector.Parse(Select, "*", IsTenant ? typeof(DistributionTenantInvalidation) : typeof(DistributionInvalidation),
                new[] { "DistributionId", "DistributionTenantId" }, "'Invalidation.Id', 'Invalidation.Status' or 'Location'"));
        }

        /// <summary>Only gathers: the batches are planned once every path has arrived.</summary>
        protected override void ProcessRecord() => _paths.Add(Path);

        protected override void EndProcessing()
        {
            var owners = IsTenant ? DistributionTenantId.Select(InvalidationOwner.Tenant) : DistributionId.Select(InvalidationOwner.Distribution);
            var plan = Plan(owners);
            // Names are resolved once the paths are known to be good, and also under -WhatIf (a read), so that it names the ids.
            if (plan.Problems.Count == 0 && !IsTenant && DistributionId.Any(DistributionNameResolver.IsDomainName))
            {
                _client = Connect(null);
                plan = Plan(DistributionId.Distinct().Select(ResolveDistributionId).OfType<string>().Select(InvalidationOwner.Distribution).ToList());
            }
            foreach (var problem in plan.Problems) WriteError(ErrorMap.ToErrorRecord(problem, "Checking the paths", problem.Path));
            foreach (var warning in plan.Warnings) WriteWarning(warning);
            foreach (var note in plan.Notes) WriteVerbose(note);
            var batches = plan.Batches.Where(Approved).ToList();
            if (batches.Count == 0) return;

            var client = _client ??= Connect(null);
            var creator = new InvalidationCreator((batch, token) => BatchSubmitter.Submit(
                (request, t) => client.SendAsync(CreateInvalidationOperation.Instance, request, t), batch, token), ErrorMap.MayPass, new StopwatchWaitClock());
            var options = new CreateOptions(TimeSpan.FromSeconds(TimeoutSec));
            var events = Wait
                ? creator.CreateAndWait(batches, options, (target, token) => InvalidationGetter.GetOne(client.GetInvalidationAsync, target, token),
                    new WaitOptions(TimeSpan.FromSeconds(PollIntervalSec), options.Timeout, ConcurrentAwsCmdlet.DefaultThrottleLimit), StoppingToken)
                : creator.Create(batches, options, StoppingToken);
            var writer = new CreateEventWriter(this, WriteSelected, writeOnceCompleted: Wait);
            try
            {
                WriteEvents(events, writer.Write);
            }
            finally
            {
                writer.Done();
            }
        }

        private CreationPlan Plan(IEnumerable<InvalidationOwner> owners) =>
            CheckParameters(() => CreationPlanner.Plan(owners, _paths.Gathered, Paths_Quantity, CallerReference, () => CallerReferences.New(DateTime.UtcNow)));

        /// <summary>-WhatIf says what the batch would send; -Confirm asks, unless -Force.</summary>
        private bool Approved(PlannedBatch batch)
        {
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? ((SwitchParameter)bound).IsPresent : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            return (Force && !whatIf) || ShouldProcess(batch.WhatIfDescription, batch.ConfirmQuestion, "New-CFInvalidation");
        }

        private void WriteSelected(InvalidationTarget target, Invalidation invalidation)
        {
            if (_selector!.ParameterName != null) WriteObject(target.Owner.Id);
            foreach (var output in _selector.Select(invalidation)) WriteObject(output);
        }

        private protected override void DisposeInvocation() => _client?.Dispose();

        private protected override string Activity => "Creating invalidations";
    }
}
