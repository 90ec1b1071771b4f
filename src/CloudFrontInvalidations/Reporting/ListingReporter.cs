using System.Collections.Concurrent;
using System.Globalization;
using System.Management.Automation;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Reporting
{
    /// <summary>
    /// Progress, verbose and debug reporting of listings, one distribution after another: progress while
    /// pages follow one another, a verbose line per request, a debug line per failed attempt.
    /// Never writes a credential: only ids, markers, statuses, error codes and request ids.
    /// </summary>
    public sealed class ListingReporter
    {
        private const int ProgressActivityId = 1;

        private readonly IListingOutput _output;
        // Attempts fail on SDK threads; they are written from the pipeline thread at the next report.
        private readonly ConcurrentQueue<RequestAttempt> _failedAttempts = new ConcurrentQueue<RequestAttempt>();
        private string _distributionId = string.Empty;
        private bool _autoIterate;
        private bool _progressShown;
        private int _itemsSoFar;

        public ListingReporter(IListingOutput output)
        {
            _output = output;
        }

        /// <summary>Thread-safe: hand it to <see cref="CloudFrontClient.AttemptFailed"/>.</summary>
        public void RecordFailedAttempt(RequestAttempt attempt) => _failedAttempts.Enqueue(attempt);

        public void ListingStarted(string distributionId, bool autoIterate)
        {
            _distributionId = distributionId;
            _autoIterate = autoIterate;
            _progressShown = false;
            _itemsSoFar = 0;
        }

        public void PageReceived(InvalidationPage page)
        {
            WriteFailedAttempts();
            _itemsSoFar += page.Items.Count;
            _output.WriteVerbose(DescribeRequest(page));

            // A single page (or -NoAutoIteration) is over before progress could help anyone.
            var morePages = page.Response.InvalidationList?.IsTruncated == true;
            if (!_autoIterate || !(morePages || _progressShown)) return;
            _output.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, string.Format(CultureInfo.InvariantCulture,
                "{0} page(s), {1} invalidations so far", page.PageNumber, _itemsSoFar)));
            _progressShown = true;
        }

        /// <summary>Call when the listing of the distribution ends, whether it finished or failed.</summary>
        public void ListingEnded()
        {
            WriteFailedAttempts();
            if (!_progressShown) return;
            _output.WriteProgress(new ProgressRecord(ProgressActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
            _progressShown = false;
        }

        private string Activity => $"Listing invalidations of distribution {_distributionId}";

        private string DescribeRequest(InvalidationPage page)
        {
            var metadata = page.Response.ResponseMetadata;
            return string.Format(CultureInfo.InvariantCulture,
                "ListInvalidations {0} page {1}: Marker {2}, MaxItems {3} -> HTTP {4}, {5} invalidations, AWS request id {6}, {7:F0} ms",
                page.DistributionId, page.PageNumber, page.RequestMarker ?? "(none)",
                page.RequestedPageSize?.ToString(CultureInfo.InvariantCulture) ?? "(service default)",
                (int)page.Response.HttpStatusCode, page.Items.Count, metadata?.RequestId ?? "(none)",
                page.Elapsed.TotalMilliseconds);
        }

        private void WriteFailedAttempts()
        {
            while (_failedAttempts.TryDequeue(out var attempt))
            {
                _output.WriteDebug(string.Format(CultureInfo.InvariantCulture,
                    "{0} {1} attempt {2} failed after {3:F0} ms: {4}",
                    attempt.Operation, _distributionId, attempt.AttemptNumber, attempt.Elapsed.TotalMilliseconds, attempt.Outcome));
            }
        }
    }
}
