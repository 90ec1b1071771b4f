using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Sits just inside AWSSDK.Core's RetryHandler, so every attempt, retries included, takes a slot of the
    /// client's <see cref="AdaptiveConcurrencyLimit"/>; it also tells the <see cref="CommandRetryPolicy"/> whether a failed
    /// attempt was throttled, before the retry handler asks the policy what to do.
    /// </summary>
    internal sealed class AdaptiveConcurrencyHandler : PipelineHandler
    {
        private readonly AdaptiveConcurrencyLimit _limit;

        internal AdaptiveConcurrencyHandler(AdaptiveConcurrencyLimit limit) => _limit = limit;

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var generation = await _limit.EnterAsync(executionContext.RequestContext.CancellationToken).ConfigureAwait(false);
            var throttled = false;
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception failure)
            {
                throttled = failure is AmazonServiceException service && CloudFrontServiceException.IsThrottling(service);
                // Only the service's own Throttling is retried until admitted: a 429 without an AWS error document comes from
                // something in between, which may refuse for ever, and keeps the SDK's bounded attempts.
                CommandRetryPolicy.NoteAttempt(executionContext.RequestContext, throttled && !(failure is NonAwsErrorResponseException));
                throw;
            }
            finally
            {
                _limit.Exit(generation, throttled);
            }
        }
    }
}
