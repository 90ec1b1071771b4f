using System;
using System.Collections.Generic;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Concurrency;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Reporting;
using CloudFrontInvalidations.Session;
using InvalidationPage = CloudFrontInvalidations.Listing.ListedPage<CloudFrontInvalidations.CloudFront.ListInvalidationsResponse, CloudFrontInvalidations.CloudFront.InvalidationSummary>;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Lists invalidation batches, newest first, writing each item as its page arrives: of one or more distributions
    /// (ListInvalidations), of every distribution in the account (ListDistributions first), or of distribution tenants
    /// (ListInvalidationsForDistributionTenant); several listings run concurrently, written in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationList", SupportsPaging = true, DefaultParameterSetName = ByDistributionSet)]
    [OutputType(typeof(InvalidationSummary))]
    public sealed class GetCFInvalidationListCommand : ConcurrentAwsCmdlet, IListingOutput
    {
        private const string ByDistributionSet = "ByDistribution";
        private const string AllDistributionsSet = "AllDistributions";
        private const string ByTenantSet = "ByDistributionTenant";

        private ListingInvocation? _invocation;
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

        /// <summary>AWS.Tools' -Select; see ResponseSelector.</summary>
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
            var client = Connect(TimeoutSec);
            // A count to reach (-First) fetches no page ahead that the count may then have no use for.
            var fetchAhead = PagingParameters.First == ulong.MaxValue;
            _invocation = new ListingInvocation(client, selector, new PagingWindow(PagingParameters.Skip, PagingParameters.First),
                new ListingReporter(this), ThrottleLimit, fetchAhead, StoppingToken);
        }

        protected override void ProcessRecord()
        {
            var invocation = _invocation!;
            if (ParameterSetName == AllDistributionsSet)
            {
                ListAccount(invocation);
                return;
            }
            var tenants = ParameterSetName == ByTenantSet;
            var ids = tenants ? DistributionTenantId : DistributionId;
            // Ids bound from the command line are all known now; the pipeline's total is not.
            if (!MyInvocation.ExpectingInput) invocation.Reporter.ListingsExpected(ids.Length);
            foreach (var id in ids)
            {
                if (tenants)
                {
                    if (!Enqueue(invocation, InvalidationOwner.Tenant(id))) return;
                }
                else if (ResolveDistributionId(invocation.DistributionNames, id) is { } distributionId)
                {
                    if (!Enqueue(invocation, InvalidationOwner.Distribution(distributionId))) return;
                }
            }
        }

        /// <summary>
        /// -AllDistributions: each distribution is queued as its ListDistributions page arrives, so the first listings
        /// run while the account is still being listed. A failure of ListDistributions itself comes after the output of
        /// the distributions listed before it (they are listed to the end), as a non-terminating error.
        /// </summary>
        private void ListAccount(ListingInvocation invocation)
        {
            var queued = 0;
            using var pages = new DistributionLister(invocation.Client.ListDistributionsAsync)
                .ListPages(new ListingOptions(), StoppingToken).GetEnumerator();
            while (NextDistributionPage(invocation, pages) is { } page)
            {
                invocation.Reporter.DistributionPageReceived(page);
                if (!page.IsTruncated) invocation.Reporter.ListingsExpected(queued + page.Items.Count);
                foreach (var distribution in page.Items)
                {
                    if (!Enqueue(invocation, InvalidationOwner.Distribution(distribution.Id!))) return;
                    queued++;
                }
            }
        }

        /// <summary>
        /// The next ListDistributions page; null at the end, or after its failure has been reported. Only the account's
        /// listing fails here: what writing the invalidations throws (Select-Object -First, -ErrorAction Stop) passes by.
        /// </summary>
        private ListedPage<ListDistributionsResponse, DistributionSummary>? NextDistributionPage(ListingInvocation invocation,
            IEnumerator<ListedPage<ListDistributionsResponse, DistributionSummary>> pages)
        {
            try
            {
                return pages.MoveNext() ? pages.Current : null;
            }
            catch (Exception failure) when (!StoppingToken.IsCancellationRequested)
            {
                Write(invocation, invocation.FanOut.Drain(maxPending: 0));
                invocation.Window.MarkIncomplete();
                // Distributions, not invalidations, were delivered: the resume advice of an interrupted listing does not apply.
                var cause = failure is ListingInterruptedException interrupted ? interrupted.InnerException! : failure;
                WriteFailure(cause, ErrorMap.ToErrorRecord(cause, "Listing the account's distributions", DistributionLister.Target));
                return null;
            }
        }

        /// <summary>Queues one listing after making room for it; false when nothing more is to be listed (-First, Ctrl+C).</summary>
        private bool Enqueue(ListingInvocation invocation, InvalidationOwner owner)
        {
            // Room for this input first (at most ThrottleLimit pending), writing what is waited for; -First may be
            // reached meanwhile (the fan-out is then stopped).
            if (!invocation.Window.IsFull) Write(invocation, invocation.FanOut.Drain(maxPending: ThrottleLimit - 1));
            if (StoppingToken.IsCancellationRequested) return false;
            if (invocation.Window.IsFull)
            {
                invocation.Window.MarkIncomplete();
                return false;
            }
            var options = new ListingOptions
            {
                StartMarker = Marker,
                PageSize = MaxItem,
                Created = _created,
                // "^Name" needs the parameter, not the listing: one request still checks the distribution.
                AutoIterate = AutoIterate && invocation.Selector.ParameterName == null,
            };
            var listing = new InvalidationListing(owner, options, SelectedParameterValue(invocation.Selector.ParameterName, owner));
            invocation.FanOut.Add(listing, token => invocation.Lister.ListPages(owner, options, token));
            // Whatever is ready, without waiting.
            Write(invocation, invocation.FanOut.Drain(maxPending: ThrottleLimit));
            return true;
        }

        // "^DistributionId" (or "^DistributionTenantId") is this input's id, not the whole array bound.
        private object? SelectedParameterValue(string? name, InvalidationOwner owner) => name switch
        {
            null => null,
            nameof(DistributionId) => owner.IsTenant ? null : owner.Id,
            nameof(DistributionTenantId) => owner.IsTenant ? owner.Id : null,
            _ => GetType().GetProperty(name)!.GetValue(this),
        };

        /// <summary>
        /// -IncludeTotalCount: the objects seen, known only at the end (never an extra request). Exact (accuracy 1)
        /// when every listing reached its last page or the end of the time window; otherwise a lower bound with
        /// accuracy 0 ("Unknown total count").
        /// </summary>
        protected override void EndProcessing()
        {
            var invocation = _invocation!;
            if (!invocation.Window.IsFull) Write(invocation, invocation.FanOut.Drain(maxPending: 0));
            invocation.Reporter.InvocationEnded();
            if (PagingParameters.IncludeTotalCount.IsPresent)
                WriteObject(PagingParameters.NewTotalCount(invocation.Window.Seen, invocation.Window.IsSeenExact ? 1.0 : 0.0));
        }

        /// <summary>Writes the listings' pages, in input order, and each listing's failure in its place.</summary>
        private void Write(ListingInvocation invocation, IEnumerable<Delivery<InvalidationListing, InvalidationPage>> deliveries)
        {
            var window = invocation.Window;
            var reporter = invocation.Reporter;
            try
            {
                foreach (var delivery in deliveries)
                {
                    var listing = delivery.Input;
                    switch (delivery.Kind)
                    {
                        case DeliveryKind.Started:
                            reporter.ListingStarted(listing.Owner, listing.Options);
                            break;
                        case DeliveryKind.Result:
                            reporter.PageReceived(delivery.Result);
                            foreach (var output in invocation.Selector.Select(delivery.Result.Response))
                                if (window.Admit()) WriteObject(listing.Owner.IsTenant && output is InvalidationSummary summary ? AsTenantItem(summary) : output);
                            listing.MoreAfterLastPage = delivery.Result.IsTruncated;
                            if (window.IsFull)
                            {
                                // -First is reached: no further request for this listing or any other.
                                if (listing.MoreAfterLastPage || invocation.FanOut.Pending > 1) window.MarkIncomplete();
                                reporter.ListingEnded();
                                invocation.FanOut.Dispose();
                                return;
                            }
                            break;
                        case DeliveryKind.Completed:
                            if (listing.MoreAfterLastPage) window.MarkIncomplete();
                            if (invocation.Selector.ParameterName != null && window.Admit()) WriteObject(listing.SelectedParameterValue);
                            reporter.ListingEnded();
                            break;
                        case DeliveryKind.Failed:
                            window.MarkIncomplete();
                            reporter.ListingEnded();
                            WriteFailure(delivery.Failure!, ErrorMap.ToErrorRecord(delivery.Failure!,
                                $"{ErrorMap.ListingActivity} of {listing.Owner}", listing.Owner.Id));
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (StoppingToken.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing to report.
            }
            catch
            {
                // The pipeline takes no more (Select-Object -First stops its upstream from inside WriteObject):
                // stop every listing now rather than when PowerShell disposes this command.
                invocation.FanOut.Dispose();
                throw;
            }
        }

        /// <summary>The type name that selects the tenant views (DistributionTenantId, not an empty DistributionId, first).</summary>
        internal const string TenantItemTypeName = "CloudFrontInvalidations.CloudFront.InvalidationSummary#DistributionTenant";

        private static PSObject AsTenantItem(InvalidationSummary summary)
        {
            var item = new PSObject(summary);
            item.TypeNames.Insert(0, TenantItemTypeName);
            return item;
        }

        private protected override void DisposeInvocation() => _invocation?.Dispose();

        private protected override string Activity => ErrorMap.ListingActivity;

        // As in AWS.Tools, binding -Marker means the caller pages by hand (one page); an explicit
        // -NoAutoIteration:$false resumes the whole listing from that marker instead.
        private bool AutoIterate =>
            MyInvocation.BoundParameters.ContainsKey(nameof(NoAutoIteration))
                ? !NoAutoIteration.IsPresent
                : !MyInvocation.BoundParameters.ContainsKey(nameof(Marker));
    }
}
