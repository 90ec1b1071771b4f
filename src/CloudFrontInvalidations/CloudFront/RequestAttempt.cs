using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One HTTP attempt of an operation that failed; the SDK's retry handler decides what follows.</summary>
    internal sealed class RequestAttempt
    {
        internal RequestAttempt(string operation, string target, int attemptNumber, TimeSpan elapsed, Exception failure)
        {
            Operation = operation;
            Target = target;
            AttemptNumber = attemptNumber;
            Elapsed = elapsed;
            Failure = failure;
        }

        public string Operation { get; }
        /// <summary>The request's path labels (a distribution id, an invalidation id): concurrent requests fail apart.</summary>
        public string Target { get; }
        /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
        public int AttemptNumber { get; }
        public TimeSpan Elapsed { get; }
        public Exception Failure { get; }

        /// <summary>The debug line: "ListInvalidations E1 attempt 1 failed after 12 ms: HTTP 503 ServiceUnavailable (AWS request id ...)".</summary>
        public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture,
            "{0} {1} attempt {2} failed after {3:F0} ms: {4}", Operation, Target, AttemptNumber, Elapsed.TotalMilliseconds, Outcome);

        /// <summary>
        /// Why the attempt failed: the status and error code of an AWS error, the status and what came instead of an
        /// error document, the element that could not be read, or the exception's message; then the request id.
        /// </summary>
        public string Outcome
        {
            get
            {
                var reason = Failure switch
                {
                    AmazonUnmarshallingException unreadable => ResponseDescriptions.Unreadable(unreadable),
                    NonAwsErrorResponseException nonAws => nonAws.Reason,
                    AmazonServiceException service when service.StatusCode != 0 => $"HTTP {(int)service.StatusCode} {service.ErrorCode}",
                    _ => $"{Failure.GetType().Name}: {Failure.Message}",
                };
                return Failure is AmazonServiceException { RequestId: { Length: > 0 } requestId } ? $"{reason} (AWS request id {requestId})" : reason;
            }
        }
    }

    /// <summary>
    /// Sits just inside AWSSDK.Core's RetryHandler, so it sees every attempt the retry policy makes;
    /// the SDK offers no per-client retry event, and its own retry logging is process-wide (AWSConfigs).
    /// </summary>
    internal sealed class RequestAttemptObserver : PipelineHandler
    {
        /// <summary>Called on whatever thread the attempt failed on.</summary>
        public Action<RequestAttempt>? AttemptFailed { get; set; }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            var stopwatch = Stopwatch.StartNew();
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception failure) when (!requestContext.CancellationToken.IsCancellationRequested)
            {
                AttemptFailed?.Invoke(new RequestAttempt(OperationName(requestContext.RequestName),
                    string.Join(" ", requestContext.Request.PathResources.Values), requestContext.Retries + 1, stopwatch.Elapsed, failure));
                throw;
            }
        }

        // The SDK names a request by its type ("ListInvalidationsRequest"); the operation is the API's name.
        private static string OperationName(string requestName) =>
            requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName.Substring(0, requestName.Length - "Request".Length) : requestName;
    }
}
