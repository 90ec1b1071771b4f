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
        internal RequestAttempt(string operation, int attemptNumber, TimeSpan elapsed, Exception failure)
        {
            Operation = operation;
            AttemptNumber = attemptNumber;
            Elapsed = elapsed;
            Failure = failure;
        }

        public string Operation { get; }
        /// <summary>1 for the first attempt, 2 for the first retry, and so on.</summary>
        public int AttemptNumber { get; }
        public TimeSpan Elapsed { get; }
        public Exception Failure { get; }

        /// <summary>Status, error code and request id for a service error; the message for anything else.</summary>
        public string Outcome => Failure is AmazonServiceException service && service.StatusCode != 0
            ? $"HTTP {(int)service.StatusCode} {service.ErrorCode}" + (string.IsNullOrEmpty(service.RequestId) ? "" : $" (AWS request id {service.RequestId})")
            : $"{Failure.GetType().Name}: {Failure.Message}";
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
                AttemptFailed?.Invoke(new RequestAttempt(OperationName(requestContext.RequestName), requestContext.Retries + 1, stopwatch.Elapsed, failure));
                throw;
            }
        }

        // The SDK names a request by its type ("ListInvalidationsRequest"); the operation is the API's name.
        private static string OperationName(string requestName) =>
            requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName.Substring(0, requestName.Length - "Request".Length) : requestName;
    }
}
