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

        /// <summary>The type name that selects the tenant views (DistributionTenantId, not an empty DistributionId, first).</summary>
        internal const string TenantItemTypeName = "CloudFrontInvalidations.CloudFront.InvalidationSummary#DistributionTenant";

        private CloudFrontClient? _client;
        private ListingEngine? _engine;
        private CreationWindow? _created;

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

        protected override void BeginProcessing()
        {
            ResponseSelector selector;
            try
            {
                selector = ResponseSelector.Parse(Select);
                _created = CreationWindow.From(CreatedAfter, CreatedBefore);
            }
            catch (Exception invalid) when (invalid is InvalidParameterException || invalid is InvalidTimeWindowException)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, null));
                throw; // not reached: ThrowTerminatingError always throws
            }
            var client = _client = Connect(TimeoutSec);
            _engine = new ListingEngine(new InvalidationLister(client.ListInvalidationsAsync), new DistributionLister(client.ListDistributionsAsync),
                new ListingEngineOptions(selector, PagingParameters.Skip, PagingParameters.First, ThrottleLimit), StoppingToken);
            client.AttemptFailed = _engine.RecordFailedAttempt;
        }

        protected override void ProcessRecord()
        {
            var engine = _engine!;
            if (ParameterSetName == AllDistributionsSet)
            {
                WriteEvents(engine.ListAccount(InputFor), Write, engine);
                return;
            }
            var tenants = ParameterSetName == ByTenantSet;
            var ids = tenants ? DistributionTenantId : DistributionId;
            // Ids bound from the command line are all known now; the pipeline's total is not.
            if (!MyInvocation.ExpectingInput) engine.ListingsExpected(ids.Length);
            var owners = tenants
                ? ids.Select(InvalidationOwner.Tenant).ToList()
                : ids.Select(id => ResolveDistributionId(id)).OfType<string>().Select(InvalidationOwner.Distribution).ToList();
            WriteEvents(engine.List(owners.Select(InputFor)), Write, engine);
        }

        protected override void EndProcessing() => WriteEvents(_engine!.End(), Write, _engine);

        /// <summary>One listing as bound now: -Marker and -MaxItem may come from each pipeline input.</summary>
        private ListingInput InputFor(InvalidationOwner owner) =>
            new ListingInput(owner, new ListingOptions { StartMarker = Marker, PageSize = MaxItem, Created = _created, AutoIterate = AutoIterate });

        private void Write(ListingEvent listingEvent)
        {
            switch (listingEvent.Kind)
            {
                case ListingEventKind.Output:
                    WriteObject(listingEvent.Owner!.IsTenant && listingEvent.Output is InvalidationSummary summary ? AsTenantItem(summary) : listingEvent.Output);
                    break;
                case ListingEventKind.Failed:
                    WriteFailure(listingEvent.Failure!, ErrorMap.ToErrorRecord(listingEvent.Failure!, listingEvent.Activity!, listingEvent.Target));
                    break;
                case ListingEventKind.Progress: WriteProgress(ListingProgressRecord.From(listingEvent.Progress!)); break;
                case ListingEventKind.Verbose: WriteVerbose(listingEvent.Text); break;
                case ListingEventKind.Debug: WriteDebug(listingEvent.Text); break;
                case ListingEventKind.Warning: WriteWarning(listingEvent.Text); break;
                // -IncludeTotalCount: exact (accuracy 1) when every listing reached its last page or the end of its time
                // window; otherwise a lower bound with accuracy 0 ("Unknown total count"). Never an extra request.
                case ListingEventKind.Totals when PagingParameters.IncludeTotalCount.IsPresent:
                    WriteObject(PagingParameters.NewTotalCount(listingEvent.Seen, listingEvent.IsSeenExact ? 1.0 : 0.0));
                    break;
            }
        }

        private static PSObject AsTenantItem(InvalidationSummary summary)
        {
            var item = new PSObject(summary);
            item.TypeNames.Insert(0, TenantItemTypeName);
            return item;
        }

        private protected override void DisposeInvocation()
        {
            _engine?.Dispose();
            _client?.Dispose();
        }

        private protected override string Activity => ListingEngine.Activity;

        // As in AWS.Tools, binding -Marker means the caller pages by hand (one page); an explicit
        // -NoAutoIteration:$false resumes the whole listing from that marker instead.
        private bool AutoIterate =>
            MyInvocation.BoundParameters.ContainsKey(nameof(NoAutoIteration))
                ? !NoAutoIteration.IsPresent
                : !MyInvocation.BoundParameters.ContainsKey(nameof(Marker));
    }
}
