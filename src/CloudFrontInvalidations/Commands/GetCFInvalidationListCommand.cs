using System;
using System.Management.Automation;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Reporting;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Lists a distribution's invalidation batches (CloudFront ListInvalidations), newest first,
    /// writing each item as its page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationList", SupportsPaging = true)]
    [OutputType(typeof(InvalidationSummary))]
    public sealed class GetCFInvalidationListCommand : AwsSessionCmdlet, IListingOutput, IDisposable
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
            _invocation = new ListingInvocation(client, selector,
                new PagingWindow(PagingParameters.Skip, PagingParameters.First), new ListingReporter(this));
        }

        protected override void ProcessRecord()
        {
            var invocation = _invocation!;
            var window = invocation.Window;
            if (window.IsFull)
            {
                window.MarkIncomplete();
                return;
            }
            var options = new ListingOptions
            {
                StartMarker = Marker,
                PageSize = MaxItem,
                // "^Name" needs the parameter, not the listing: one request still checks the distribution.
                AutoIterate = AutoIterate && invocation.Selector.ParameterName == null,
                // Reading ahead could send a request that -First then has no use for.
                ReadAhead = PagingParameters.First == ulong.MaxValue,
            };
            invocation.Reporter.ListingStarted(DistributionId, options);
            try
            {
                var moreAfterLastPage = false;
                foreach (var page in invocation.Lister.ListPages(DistributionId, options, _stopping.Token))
                {
                    invocation.Reporter.PageReceived(page);
                    foreach (var output in invocation.Selector.Select(page.Response))
                        if (window.Admit()) WriteObject(output);
                    moreAfterLastPage = page.IsTruncated;
                    if (window.IsFull) break; // disposing the page iterator sends no further request
                }
                if (moreAfterLastPage) window.MarkIncomplete();
                if (invocation.Selector.ParameterName != null && window.Admit())
                    WriteObject(GetType().GetProperty(invocation.Selector.ParameterName)!.GetValue(this));
                invocation.Reporter.ListingEnded();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing to report.
            }
            catch (Exception failure) when (!(failure is PipelineStoppedException))
            {
                window.MarkIncomplete();
                invocation.Reporter.ListingEnded();
                var record = ErrorMap.ToErrorRecord(failure, DistributionId);
                if (ErrorMap.StopsCommand(failure)) ThrowTerminatingError(record);
                WriteError(record);
            }
        }

        /// <summary>
        /// -IncludeTotalCount: the objects seen, known only at the end (never an extra request). Exact (accuracy 1)
        /// when every listing reached its last page; otherwise a lower bound with accuracy 0 ("Unknown total count").
        /// </summary>
        protected override void EndProcessing()
        {
            if (PagingParameters.IncludeTotalCount.IsPresent)
                WriteObject(PagingParameters.NewTotalCount(_invocation!.Window.Seen, _invocation.Window.IsSeenExact ? 1.0 : 0.0));
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _invocation?.Dispose();
            _stopping.Dispose();
        }

        // As in AWS.Tools, binding -Marker means the caller pages by hand (one page); an explicit
        // -NoAutoIteration:$false resumes the whole listing from that marker instead.
        private bool AutoIterate =>
            MyInvocation.BoundParameters.ContainsKey(nameof(NoAutoIteration))
                ? !NoAutoIteration.IsPresent
                : !MyInvocation.BoundParameters.ContainsKey(nameof(Marker));
    }
}
