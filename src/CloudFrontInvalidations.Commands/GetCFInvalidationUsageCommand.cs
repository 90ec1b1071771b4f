using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Usage;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// A billing month's invalidation paths per distribution (or tenant), or over the whole scope with what they
    /// cost (-Summary): the whole account by default, the distributions or tenants given otherwise.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationUsage", DefaultParameterSetName = ByDistributionSet)]
    [OutputType(typeof(InvalidationUsage), typeof(UsageSummary))]
    public sealed class GetCFInvalidationUsageCommand : ConcurrentAwsCmdlet
    {
        private const string ByDistributionSet = "ByDistribution";
        private const string ByTenantSet = "ByDistributionTenant";

        private readonly List<InvalidationOwner> _owners = new List<InvalidationOwner>();
        private readonly HashSet<InvalidationOwner> _ownersSeen = new HashSet<InvalidationOwner>();
        private readonly List<string> _unresolved = new List<string>();
        private UsageMonth? _month;
        private bool _accountWide;
        private CloudFrontClient? _client;

        /// <summary>
        /// Not mandatory: without it (and without pipeline input) the scope is every distribution of the account. The
        /// set it belongs to is the default one, so the list's items bind it by name before their empty tenant id.
        /// </summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByDistributionSet)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string[] DistributionId { get; set; } = Array.Empty<string>();

        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByTenantSet)]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionTenantId]
        public string[] DistributionTenantId { get; set; } = Array.Empty<string>();

        /// <summary>Any date in the month (see UsageMonth.From: an instant by its UTC month, a calendar date as written); default: the current UTC month.</summary>
        [Parameter]
        public DateTime? Month { get; set; }

        /// <summary>One object for the whole scope, with the estimated cost, instead of one per distribution.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        [Parameter]
        [ValidateRange(0, 1000)]
        public decimal PricePerPath { get; set; } = UsageSummary.DefaultPricePerPath;

        /// <summary>Per HTTP attempt (AWSSDK.Core's ClientConfig.Timeout), as on the other cmdlets.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        private protected override void Begin()
        {
            try
            {
                _month = UsageMonth.From(Month, DateTime.UtcNow);
            }
            catch (InvalidUsageMonthException invalid)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, Activity, Month));
            }
            // Pipeline input whose every item failed to bind narrows the scope to nothing, never widens it to the account.
            _accountWide = ParameterSetName == ByDistributionSet && !MyInvocation.ExpectingInput
                && !MyInvocation.BoundParameters.ContainsKey(nameof(DistributionId));
            _client = Connect(TimeoutSec);
        }

        /// <summary>Collects the scope, domain names resolved to ids; a distribution given twice is counted once.</summary>
        protected override void ProcessRecord()
        {
            var tenants = ParameterSetName == ByTenantSet;
            var owners = tenants
                ? DistributionTenantId.Select(InvalidationOwner.Tenant)
                : DistributionId.Select(Resolved).OfType<string>().Select(InvalidationOwner.Distribution);
            foreach (var owner in owners)
                if (_ownersSeen.Add(owner)) _owners.Add(owner);
        }

        /// <summary>The id a distribution id or name gives; a name that resolves to none is remembered, so the summary is not complete.</summary>
        private string? Resolved(string idOrName)
        {
            var id = ResolveDistributionId(idOrName);
            if (id == null) _unresolved.Add(idOrName);
            return id;
        }

        protected override void EndProcessing()
        {
            var options = new UsageOptions(_month!, _accountWide ? null : _owners, ThrottleLimit, PricePerPath, DateTime.UtcNow, _unresolved);
            WriteEvents(new UsageCounter(new CloudFrontUsageSource(_client!)).Count(options, StoppingToken), Write);
        }

        private void Write(UsageEvent usageEvent)
        {
            switch (usageEvent.Kind)
            {
                case UsageEventKind.Warning:
                    WriteWarning(usageEvent.Message);
                    break;
                case UsageEventKind.Counted when !Summary:
                    WriteObject(usageEvent.Usage!.DistributionTenantId == null ? usageEvent.Usage : OutputMembers.AsTenantView(usageEvent.Usage));
                    break;
                case UsageEventKind.Failed:
                    WriteFailure(usageEvent.Failure!, ErrorMap.ToErrorRecord(usageEvent.Failure!, usageEvent.Activity!, usageEvent.Target));
                    break;
                case UsageEventKind.Progress:
                    var progress = usageEvent.Progress!;
                    WriteProgress(new ProgressRecord(1, ProgressActivity, progress.Status) { PercentComplete = progress.PercentComplete });
                    break;
                case UsageEventKind.Summary:
                    WriteProgress(new ProgressRecord(1, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed });
                    if (Summary) WriteObject(usageEvent.Summary);
                    break;
            }
        }

        private string ProgressActivity => $"Counting invalidation usage of {_month}";

        private protected override void DisposeInvocation() => _client?.Dispose();

        private protected override string Activity => "Counting invalidation usage";
    }
}
