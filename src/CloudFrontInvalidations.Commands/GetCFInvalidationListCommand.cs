using System;
using System.Linq;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Lists invalidation batches, newest first, writing each item as its page arrives: of one or more distributions
    /// (ListInvalidations), of every distribution in the account (ListDistributions first), or of distribution tenants
    /// (ListInvalidationsForDistributionTenant); several listings run concurrently (Listing/ListingEngine), written in
    /// input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationList", SupportsPaging = true, DefaultParameterSetName = ByDistributionSet)]
    [OutputType(typeof(InvalidationSummary))]
    public sealed class GetCFInvalidationListCommand : ConcurrentAwsCmdlet
    {
        private const string ByDistributionSet = "ByDistribution";
        private const string AllDistributionsSet = "AllDistributions";
        private const string ByTenantSet = "ByDistributionTenant";

        private CloudFrontClient? _client;
        private ListingEngine? _engine;
        private ListingEventWriter? _writer;
        private ListingPlan? _plan;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true,
            ParameterSetName = ByDistributionSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string[] DistributionId { get; set; } = Array.Empty<string>();

        /// <summary>Every distribution of the account, in ListDistributions order.</summary>
        [Parameter(Mandatory = true, ParameterSetName = AllDistributionsSet)]
        public SwitchParameter AllDistributions { get; set; }

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTenantSet)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionTenantId]
        public string[] DistributionTenantId { get; set; } = Array.Empty<string>();

        /// <summary>Only invalidations created at or after this instant; paging stops at the first older one.</summary>
        [Parameter]
        public DateTime? CreatedAfter { get; set; }

        /// <summary>Only invalidations created before this instant.</summary>
        [Parameter]
        public DateTime? CreatedBefore { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByDistributionSet)]
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = ByTenantSet)]
        [Alias("NextToken")]
        public string? Marker { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("MaxItems")]
        [ValidateRange(1, 1000)]
        public int? MaxItem { get; set; }

        [Parameter]
        public SwitchParameter NoAutoIteration { get; set; }

        /// <summary>AWS.Tools' -Select; see Listing/ResponseSelector.</summary>
        [Parameter]
        public string Select { get; set; } = ResponseSelector.DefaultSelect;

        /// <summary>Per HTTP attempt (AWSSDK.Core's ClientConfig.Timeout); timed-out attempts are retried like others.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        private protected override void Begin()
        {
            try
            {
                _plan = ListingPlan.From(Select, CreatedAfter, CreatedBefore, PagingParameters.Skip, PagingParameters.First, ThrottleLimit);
            }
            catch (Exception invalid) when (invalid is InvalidParameterException || invalid is InvalidTimeWindowException)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, null));
            }
            var client = _client = Connect(TimeoutSec);
            _engine = new ListingEngine(new InvalidationLister(client.ListInvalidationsAsync), new DistributionLister(client.ListDistributionsAsync),
                _plan!.EngineOptions, StoppingToken);
            _writer = new ListingEventWriter(this, PagingParameters);
        }

        protected override void ProcessRecord()
        {
            var engine = _engine!;
            if (ParameterSetName == AllDistributionsSet)
            {
                WriteEvents(engine.ListAccount(InputFor), _writer!.Write, engine);
                return;
            }
            var tenants = ParameterSetName == ByTenantSet;
            var ids = tenants ? DistributionTenantId : DistributionId;
            // Ids bound from the command line are all known now; the pipeline's total is not.
            if (!MyInvocation.ExpectingInput) engine.ListingsExpected(ids.Length);
            var owners = tenants
                ? ids.Select(InvalidationOwner.Tenant).ToList()
                : ids.Select(id => ResolveDistributionId(id)).OfType<string>().Select(InvalidationOwner.Distribution).ToList();
            WriteEvents(engine.List(owners.Select(InputFor)), _writer!.Write, engine);
        }

        protected override void EndProcessing() => WriteEvents(_engine!.End(), _writer!.Write, _engine);

        /// <summary>One listing as bound now: -Marker, -MaxItem and -NoAutoIteration may come from each pipeline input.</summary>
        private ListingInput InputFor(InvalidationOwner owner) => _plan!.InputFor(owner, Marker, IsBound(nameof(Marker)), MaxItem,
            IsBound(nameof(NoAutoIteration)) ? NoAutoIteration.IsPresent : (bool?)null);

        private protected override void DisposeInvocation()
        {
            _engine?.Dispose();
            _client?.Dispose();
        }

        private protected override string Activity => ListingEngine.Activity;

        private bool IsBound(string parameterName) => MyInvocation.BoundParameters.ContainsKey(parameterName);
    }
}
