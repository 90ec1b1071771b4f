using System;
using System.Management.Automation;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Completion;
using CloudFrontInvalidations.Errors;
using CloudFrontInvalidations.Reporting;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// Lists a distribution's invalidation batches (CloudFront ListInvalidations), newest first,
    /// writing each item as its page arrives.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "CFInvalidationList")]
    [OutputType(typeof(InvalidationSummary))]
    public sealed class GetCFInvalidationListCommand : PSCmdlet, IListingOutput, IDisposable
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private CloudFrontClient? _client;
        private InvalidationLister? _lister;
        private ListingReporter? _reporter;

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

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? EndpointUrl { get; set; }

        [Parameter]
        [Alias("RegionToCall")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        [ValidateNotNullOrEmpty]
        public string? Region { get; set; }

        /// <summary>Per HTTP attempt (AWSSDK.Core's ClientConfig.Timeout); timed-out attempts are retried like others.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int? TimeoutSec { get; set; }

        protected override void BeginProcessing()
        {
            try
            {
                _client = ClientFactory.CreateClient(new ClientSettings
                {
                    Region = Region,
                    EndpointUrl = EndpointUrl,
                    Timeout = TimeoutSec.HasValue ? TimeSpan.FromSeconds(TimeoutSec.Value) : (TimeSpan?)null,
                });
            }
            catch (Exception failure)
            {
                ThrowTerminatingError(ErrorMap.ToErrorRecord(failure, null));
            }
            _lister = new InvalidationLister(_client!);
            _reporter = new ListingReporter(this);
            _client!.AttemptFailed = _reporter.RecordFailedAttempt;
        }

        protected override void ProcessRecord()
        {
            _reporter!.ListingStarted(DistributionId, AutoIterate);
            try
            {
                foreach (var page in _lister!.ListPages(DistributionId, Marker, MaxItem, AutoIterate, _stopping.Token))
                {
                    _reporter.PageReceived(page);
                    foreach (var item in page.Items) WriteObject(item);
                }
                _reporter.ListingEnded();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                // Ctrl+C: PowerShell is already stopping the pipeline; nothing to report.
            }
            catch (Exception failure) when (!(failure is PipelineStoppedException))
            {
                _reporter!.ListingEnded();
                var record = ErrorMap.ToErrorRecord(failure, DistributionId);
                if (ErrorMap.StopsCommand(failure)) ThrowTerminatingError(record);
                WriteError(record);
            }
        }

        protected override void StopProcessing() => _stopping.Cancel();

        public void Dispose()
        {
            _client?.Dispose();
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
