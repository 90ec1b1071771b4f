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
using CloudFrontInvalidations.Session;
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
        private static readonly string[] SelectableParameters = { "DistributionId", "DistributionTenantId" };

        private readonly List<string?> _paths = new List<string?>();
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

        protected override void BeginProcessing()
        {
            try
            {
                _selector = ResponseSelector.Parse(Select, "*", IsTenant ? typeof(DistributionTenantInvalidation) : typeof(DistributionInvalidation),
                    SelectableParameters, "'Invalidation.Id', 'Invalidation.Status' or 'Location'");
            }
            catch (InvalidParameterException invalid)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, Activity, null));
            }
        }

        /// <summary>Only gathers: the batches are planned once every path has arrived.</summary>
        protected override void ProcessRecord()
        {
            if (Path != null) _paths.AddRange(Path);
        }

        protected override void EndProcessing()
        {
            var given = _paths;
            if (given.Count == 0) Refuse("Give at least one path (-Path, or paths from the pipeline).");
            if (Paths_Quantity is int quantity && quantity != given.Count)
                Refuse($"-Paths_Quantity is {quantity} but {given.Count} path(s) were given; nothing was sent.", nameof(Paths_Quantity));

            var prepared = PathPreparation.Prepare(given);
            foreach (var problem in prepared.Problems) WriteError(ErrorMap.ToErrorRecord(problem, "Checking the paths", problem.Path));
            if (prepared.Problems.Count > 0) return;
            foreach (var warning in prepared.Warnings) WriteWarning(warning);
            if (prepared.Duplicates > 0) WriteVerbose($"{prepared.Duplicates} path(s) given more than once are sent once.");

            var owners = (IsTenant ? DistributionTenantId.Select(InvalidationOwner.Tenant) : DistributionId.Select(InvalidationOwner.Distribution)).Distinct();
            var batches = owners.SelectMany(owner => BatchPlanner.Plan(owner, prepared.Paths, CallerReference, () => CallerReferences.New(DateTime.UtcNow)))
                .Where(Approved).ToList();
            if (batches.Count == 0) return;

            var client = _client = Connect(null);
            var clock = new StopwatchWaitClock();
            var created = new List<(InvalidationTarget Target, Invalidation Invalidation)>();
            var writer = new CreateEventWriter(this, (target, invalidation) =>
            {
                created.Add((target, invalidation));
                if (!Wait) WriteSelected(invalidation, target.Owner);
            });
            client.AttemptFailed = writer.RecordFailedAttempt;
            var creator = new InvalidationCreator((batch, token) => BatchSubmitter.Submit(
                (request, t) => client.SendAsync(CreateInvalidationOperation.Instance, request, t), batch, token), clock);
            try
            {
                WriteEvents(creator.Create(batches, new CreateOptions(TimeSpan.FromSeconds(TimeoutSec)), StoppingToken), writer.Write);
            }
            finally
            {
                writer.Done();
            }
            if (Wait && created.Count > 0 && !StoppingToken.IsCancellationRequested) WaitFor(client, created, clock);
        }

        /// <summary>-WhatIf says what the batch would send; -Confirm asks, unless -Force.</summary>
        private bool Approved(PlannedBatch batch)
        {
            var preview = batch.Preview(CreateEventWriter.PathsPreviewed);
            var whatIf = MyInvocation.BoundParameters.TryGetValue("WhatIf", out var bound)
                ? ((SwitchParameter)bound).IsPresent : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));
            if (Force && !whatIf) return true;
            return ShouldProcess(preview, $"Create an invalidation? {preview}", "New-CFInvalidation");
        }

        /// <summary>-Wait: the waiter of Wait-CFInvalidation, on the same clock, so -TimeoutSec bounds the whole call.</summary>
        private void WaitFor(CloudFrontClient client, List<(InvalidationTarget Target, Invalidation Invalidation)> created, IWaitClock clock)
        {
            var locations = created.ToDictionary(c => c.Target, c => c.Invalidation.Location);
            var waiter = new InvalidationWaiter((target, token) => InvalidationGetter.GetOne(client.GetInvalidationAsync, target, token),
                ErrorMap.MayPass, clock);
            // Completed as GetInvalidation answers it, with the Location CreateInvalidation gave.
            var writer = new WaitEventWriter(this, (target, completed) =>
            {
                completed.Location = locations[target];
                WriteSelected(completed, target.Owner);
            });
            try
            {
                var options = new WaitOptions(TimeSpan.FromSeconds(PollIntervalSec), TimeSpan.FromSeconds(TimeoutSec), ConcurrentAwsCmdlet.DefaultThrottleLimit);
                WriteEvents(waiter.Wait(created.Select(c => c.Target).ToList(), options, StoppingToken), writer.Write);
            }
            finally
            {
                writer.Done();
            }
        }

        private void WriteSelected(Invalidation invalidation, InvalidationOwner owner)
        {
            if (_selector!.ParameterName != null) WriteObject(owner.Id);
            foreach (var output in _selector.Select(invalidation)) WriteObject(output);
        }

        private void Refuse(string message, string parameter = nameof(Path)) =>
            ThrowTerminatingError(ErrorMap.ToErrorRecord(new InvalidParameterException(parameter, message), Activity, null));

        private protected override void DisposeInvocation() => _client?.Dispose();

        private protected override string Activity => "Creating invalidations";
    }
}
