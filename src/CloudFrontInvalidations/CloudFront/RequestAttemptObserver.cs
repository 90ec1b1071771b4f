using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
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
                var operation = requestContext.OriginalRequest is CloudFrontRequest request ? request.OperationName : requestContext.RequestName;
                AttemptFailed?.Invoke(new RequestAttempt(operation,
                    string.Join(" ", requestContext.Request.PathResources.Values), requestContext.Retries + 1, stopwatch.Elapsed, failure));
                throw;
            }
        }
    }
}
