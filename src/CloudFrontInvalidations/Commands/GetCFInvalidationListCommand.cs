using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
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
    /// Lists a distribution's invalidation batches (CloudFront ListInvalidations), newest first,
    /// writing each item as its page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationList", SupportsPaging = true)]
    [OutputType(typeof(InvalidationSummary))]
    public sealed class GetCFInvalidationListCommand : ConcurrentAwsCmdlet, IListingOutput, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private ListingInvocation? _invocation;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Id")]
        [ValidateNotNullOrEmpty]
        [ValidateDistributionId]
        [ArgumentCompleter(typeof(DistributionIdCompleter))]
        public string DistributionId { get; set; } = string.Empty;

        [Parameter(ValueFromPipelineByPropertyName = true)]
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
            }
            catch (InvalidParameterException invalid)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(invalid, null));
                throw; // not reached: ThrowTerminatingError always throws
            }
            var client = Connect(TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null);
            // A count to reach (-First) fetches no page ahead that the count may then have no use for.
            var fetchAhead = PagingParameters.First == ulong.MaxValue;
            _invocation = new ListingInvocation(client, selector, new PagingWindow(PagingParameters.Skip, PagingParameters.First),
                new ListingReporter(this), ThrottleLimit, fetchAhead, _stopping.Token);
        }

        protected override void ProcessRecord()
        {
            var invocation = _invocation!;
            // Room for this input first (at most ThrottleLimit pending), writing what is waited for.
            Write(invocation, invocation.FanOut.Drain(maxPending: ThrottleLimit - 1));
            if (invocation.Window.IsFull)
            {
                invocation.Window.MarkIncomplete();
                return;
            }
            var listing = new InvalidationListing(DistributionId, new ListingOptions
            {
                StartMarker = Marker,
                PageSize = MaxItem,
                // "^Name" needs the parameter, not the listing: one request still checks the distribution.
                AutoIterate = AutoIterate && invocation.Selector.ParameterName == null,
            }, invocation.Selector.ParameterName is string name ? GetType().GetProperty(name)!.GetValue(this) : null);
            invocation.FanOut.Add(listing, token => invocation.Lister.ListPages(listing.DistributionId, listing.Options, token));
            // Whatever is ready, without waiting.
            Write(invocation, invocation.FanOut.Drain(maxPending: ThrottleLimit));
        }

        /// <summary>
        /// -IncludeTotalCount: the objects seen, known only at the end (never an extra request). Exact (accuracy 1)
        /// when every listing reached its last page; otherwise a lower bound with accuracy 0 ("Unknown total count").
        /// </summary>
        protected override void EndProcessing()
        {
            var invocation = _invocation!;
            Write(invocation, invocation.FanOut.Drain(maxPending: 0));
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
                            reporter.ListingStarted(listing.DistributionId, listing.Options);
                            break;
                        case DeliveryKind.Result:
                            reporter.PageReceived(delivery.Result);
                            foreach (var output in invocation.Selector.Select(delivery.Result.Response))
                                if (window.Admit()) WriteObject(output);
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
                            WriteFailure(delivery.Failure!, ErrorMap.ToErrorRecord(delivery.Failure!, listing.DistributionId));
                            break;
                    }
                }
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing to report.
            }
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _invocation?.Dispose();
            _stopping.Dispose();
        }

        private protected override string Activity => ErrorMap.ListingActivity;

        // As in AWS.Tools, binding -Marker means the caller pages by hand (one page); an explicit
        // -NoAutoIteration:$false resumes the whole listing from that marker instead.
        private bool AutoIterate =>
            MyInvocation.BoundParameters.ContainsKey(nameof(NoAutoIteration))
                ? !NoAutoIteration.IsPresent
                : !MyInvocation.BoundParameters.ContainsKey(nameof(Marker));
    }
}
