using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Reporting
{
    /// <summary>
    /// Progress, verbose and debug reporting of listings, one after another: progress while pages follow one
    /// another, a verbose line per request, a debug line per failed attempt.
    /// Never writes a credential: only ids, markers, statuses, error codes and request ids.
    /// </summary>
    internal sealed class ListingReporter
    {
        private const int ProgressActivityId = 1;

        private readonly IListingOutput _output;
        // Attempts fail on SDK threads; they are written from the pipeline thread at the next report.
        private readonly ConcurrentQueue<RequestAttempt> _failedAttempts = new ConcurrentQueue<RequestAttempt>();
        private string _target = string.Empty;
        private ListingOptions _options = new ListingOptions();
        private bool _progressShown;
        private int _itemsSoFar;

        internal ListingReporter(IListingOutput output)
        {
            _output = output;
        }

        /// <summary>Thread-safe: hand it to <see cref="CloudFrontClient.AttemptFailed"/>.</summary>
        internal void RecordFailedAttempt(RequestAttempt attempt) => _failedAttempts.Enqueue(attempt);

        internal void ListingStarted(string target, ListingOptions options)
        {
            _target = target;
            _options = options;
            _progressShown = false;
            _itemsSoFar = 0;
        }

        internal void PageReceived<TResponse, TItem>(ListedPage<TResponse, TItem> page) where TResponse : AmazonWebServiceResponse
        {
            WriteFailedAttempts();
            _itemsSoFar += page.Items.Count;
            _output.WriteVerbose(DescribeRequest(page));

            // A single page (or -NoAutoIteration) is over before progress could help anyone.
            if (!_options.AutoIterate || !(page.IsTruncated || _progressShown)) return;
            _output.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, string.Format(CultureInfo.InvariantCulture,
                "{0} page(s), {1} invalidations so far", page.PageNumber, _itemsSoFar)));
            _progressShown = true;
        }

        /// <summary>Call when the listing ends, whether it finished or failed.</summary>
        internal void ListingEnded()
        {
            WriteFailedAttempts();
            if (!_progressShown) return;
            _output.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            _progressShown = false;
        }

        private string Activity => $"Listing invalidations of distribution {_target}";

        private string DescribeRequest<TResponse, TItem>(ListedPage<TResponse, TItem> page) where TResponse : AmazonWebServiceResponse
        {
            var metadata = page.Response.ResponseMetadata;
            return string.Format(CultureInfo.InvariantCulture,
                "{0} {1} page {2}: Marker {3}, MaxItems {4} -> HTTP {5}, {6} invalidations, AWS request id {7}, {8:F0} ms",
                page.Operation, page.Target, page.PageNumber, page.RequestMarker ?? "(none)",
                _options.PageSize?.ToString(CultureInfo.InvariantCulture) ?? "(service default)",
                (int)page.Response.HttpStatusCode, page.Items.Count, metadata?.RequestId ?? "(none)",
                page.Elapsed.TotalMilliseconds);
        }

        private void WriteFailedAttempts()
        {
            while (_failedAttempts.TryDequeue(out var attempt))
            {
                _output.WriteDebug(string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} attempt {2} failed after {3:F0} ms: {4}",
                    attempt.Operation, _target, attempt.AttemptNumber, attempt.Elapsed.TotalMilliseconds, attempt.Outcome));
            }
        }
    }
}
