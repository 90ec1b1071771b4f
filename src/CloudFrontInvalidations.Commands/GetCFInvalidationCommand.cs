using System;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Getting;
using CloudFrontInvalidations.Errors;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Gets invalidation batches with their paths (CloudFront GetInvalidation, or GetInvalidationForDistributionTenant),
    /// several at once within -ThrottleLimit, written in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidation", DefaultParameterSetName = DistributionSet)]
    [OutputType(typeof(DistributionInvalidation), ParameterSetName = new[] { DistributionSet })]
    [OutputType(typeof(DistributionTenantInvalidation), ParameterSetName = new[] { DistributionTenantSet })]
    public sealed class GetCFInvalidationCommand : ConcurrentAwsCmdlet
    {
        internal const string DistributionSet = "Distribution";
        internal const string DistributionTenantSet = "DistributionTenant";

        private CloudFrontClient? _client;
        private InvalidationGetter? _getter;

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = DistributionSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string DistributionId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, ParameterSetName = DistributionTenantSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionTenantId]
        public string DistributionTenantId { get; set; } = string.Empty;

        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvalidationId")]
        [ValidateNotNullOrEmpty]
        [ValidateInvalidationId]
        public string Id { get; set; } = string.Empty;

        /// <summary>Per HTTP attempt (AWSSDK.Core's ClientConfig.Timeout), as on Get-CFInvalidationList.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        protected override void BeginProcessing()
        {
            var client = _client = Connect(TimeoutSec);
            _getter = new InvalidationGetter(client.GetInvalidationAsync, ThrottleLimit, StoppingToken);
        }

        protected override void ProcessRecord()
        {
            var owner = ParameterSetName == DistributionTenantSet
                ? InvalidationOwner.Tenant(DistributionTenantId)
                : InvalidationOwner.Distribution(DistributionId);
            WriteEvents(_getter!.Get(new InvalidationTarget(owner, Id)), Write, _getter);
        }

        protected override void EndProcessing() => WriteEvents(_getter!.End(), Write, _getter);

        /// <summary>Writes the invalidation, or the failure in its place.</summary>
        private void Write(GetEvent got)
        {
            if (got.Failure != null)
            {
                WriteFailure(got.Failure, ErrorMap.ToErrorRecord(got.Failure, $"Getting {got.Target}", got.Target.Id));
                return;
            }
            WriteVerbose($"GetInvalidation: {got.Target} is {got.Invalidation!.Status}.");
            WriteObject(got.Invalidation);
        }

        private protected override void DisposeInvocation()
        {
            _getter?.Dispose();
            _client?.Dispose();
        }

        private protected override string Activity => "Getting invalidations";
    }
}
