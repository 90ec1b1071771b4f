using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Getting;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Errors;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Gets invalidation batches with their paths (CloudFront GetInvalidation, or GetInvalidationForDistributionTenant),
    /// several at once within -ThrottleLimit, written in input order.
    /// </summary>
    // The default parameter set is -InputObject's, where no parameter binds by property name: PowerShell binds a
    // pipeline object's properties to the default set's parameters before any other set's, so with the distribution
    // set as default, an object carrying DistributionTenantId and Id would bind Id there and never reach the tenant set.
    [Cmdlet(VerbsCommon.Get, "CFInvalidation", DefaultParameterSetName = InputObjectSet)]
    [OutputType(typeof(DistributionInvalidation), ParameterSetName = new[] { DistributionSet })]
    [OutputType(typeof(DistributionTenantInvalidation), ParameterSetName = new[] { DistributionTenantSet })]
    [OutputType(typeof(DistributionInvalidation), typeof(DistributionTenantInvalidation), ParameterSetName = new[] { InputObjectSet })]
    public sealed class GetCFInvalidationCommand : ConcurrentAwsCmdlet
    {
        internal const string DistributionSet = "Distribution";
        internal const string DistributionTenantSet = "DistributionTenant";
        /// <summary>
        /// Items of Get-CFInvalidationList, whole: a tenant's item has an empty DistributionId beside its
        /// DistributionTenantId, so binding it by property name would pick the distribution parameter set.
        /// </summary>
        internal const string InputObjectSet = "InputObject";

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

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DistributionSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Parameter(Mandatory = true, Position = 1, ParameterSetName = DistributionTenantSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("InvalidationId")]
        [ValidateNotNullOrEmpty]
        [ValidateInvalidationId]
        public string[] Id { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ParameterSetName = InputObjectSet, ValueFromPipeline = true)]
        [ValidateNotNullOrEmpty]
        public InvalidationSummary[] InputObject { get; set; } = Array.Empty<InvalidationSummary>();

        /// <summary>Per HTTP attempt (AWSSDK.Core's ClientConfig.Timeout), as on Get-CFInvalidationList.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        private protected override void Begin()
        {
            var client = _client = Connect(TimeoutSec);
            _getter = new InvalidationGetter(client.GetInvalidationAsync, ThrottleLimit, StoppingToken);
        }

        protected override void ProcessRecord()
        {
            foreach (var target in Targets()) WriteEvents(_getter!.Get(target), Write, _getter);
        }

        /// <summary>This input's invalidations, in the order given; none when its distribution name is not found.</summary>
        private IEnumerable<InvalidationTarget> Targets()
        {
            if (ParameterSetName == InputObjectSet) return InputObject.Select(ListedTarget);
            var owner = ParameterSetName == DistributionTenantSet
                ? InvalidationOwner.Tenant(DistributionTenantId)
                : ResolveDistributionId(DistributionId) is { } distributionId
                    ? InvalidationOwner.Distribution(distributionId)
                    : null;
            return owner == null ? Enumerable.Empty<InvalidationTarget>() : Id.Select(id => new InvalidationTarget(owner, id));
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
