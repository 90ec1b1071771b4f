using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// AWSSDK.Core's standard retry policy with three changes, all decided here and carried out by the SDK's own retry
    /// handler (its loop, its back-off delays, its cancellation):
    /// <list type="bullet">
    /// <item>The retry budget is the client's own. The SDK's standard mode takes retries from a token bucket
    /// (CapacityManager's RetryCapacity) that lives in a process-wide map keyed by the endpoint, so every command of a session against CloudFront draws
    /// on one bucket: what failed in earlier commands took retries away from the next. One client serves one command, so
    /// a bucket per client is a bucket per command.</item>
    /// <item>An attempt cut by its own deadline (<see cref="AttemptTimeoutHandler"/>) is a timeout, never a stale pooled
    /// connection, although cutting it aborts the socket: the SDK would otherwise resend it without counting an attempt,
    /// so that a silent endpoint got several requests per attempt.</item>
    /// <item>Throttling is retried until the request is cancelled (Ctrl+C, the command's own deadline): a Throttling
    /// answer means the service is there and asks for a slower pace, which the back-off and the client's
    /// <see cref="AdaptiveConcurrencyLimit"/> give it, so it neither counts against the attempts (AWS_MAX_ATTEMPTS) nor
    /// takes tokens from the bucket. Server errors, resets and timeouts keep the SDK's bounded attempts.</item>
    /// </list>
    /// </summary>
    internal sealed class CommandRetryPolicy : StandardRetryPolicy
    {
        private const string ThrottledRetriesKey = "CloudFrontInvalidations.ThrottledRetries";
        private const string LastThrottledKey = "CloudFrontInvalidations.LastAttemptThrottled";

        // The SDK's standard-mode figures: 500 tokens, 5 per retry, 10 per timeout retry, 1 back per success (throttled retries
        // take none here).
        private const int InitialRetryTokens = 500;
        private readonly CapacityManager _capacityManager = new CapacityManager(initialRetryTokens: InitialRetryTokens, retryCost: 5, noRetryIncrement: 1,
            timeoutRetryCost: 10, throttlingRetryCost: 5);
        private static readonly Random Jitter = new Random();

        private readonly TimeSpan _maxThrottleBackoff;

        internal CommandRetryPolicy(CloudFrontConfig config) : base(config)
        {
            _maxThrottleBackoff = config.MaxThrottleBackoff;
            // The bucket itself, not CapacityManager.GetRetryCapacity's: that one comes from a process-wide map keyed by the URL.
            RetryCapacity = config.ThrottleRetries ? new RetryCapacity(InitialRetryTokens) : null;
        }

        /// <summary>Told by the pipeline whether the attempt that just failed was throttled, before the retry decision.</summary>
        internal static void NoteAttempt(IRequestContext requestContext, bool throttled) =>
            requestContext.ContextAttributes[LastThrottledKey] = throttled;

        public override bool RetryLimitReached(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            if (LastAttemptThrottled(requestContext)) return false;
            return requestContext.Retries - ThrottledRetries(requestContext) >= MaxRetries;
        }

        public override bool IsStaleConnectionError(Exception exception) =>
            !(exception is AttemptTimeoutException) && base.IsStaleConnectionError(exception);

        public override bool OnRetry(IExecutionContext executionContext, bool bypassAcquireCapacity, bool isThrottlingError)
        {
            var requestContext = executionContext.RequestContext;
            if (isThrottlingError && LastAttemptThrottled(requestContext))
            {
                requestContext.ContextAttributes[ThrottledRetriesKey] = ThrottledRetries(requestContext) + 1;
                return true;
            }
            if (bypassAcquireCapacity || !requestContext.ClientConfig.ThrottleRetries || RetryCapacity == null) return true;
            return _capacityManager.TryAcquireCapacity(RetryCapacity, requestContext.LastCapacityType);
        }

        public override void NotifySuccess(IExecutionContext executionContext)
        {
            if (executionContext.RequestContext.ClientConfig.ThrottleRetries && RetryCapacity != null)
                _capacityManager.ReleaseCapacity(executionContext.RequestContext.LastCapacityType, RetryCapacity);
        }

        /// <summary>
        /// The SDK's delay (full jitter, doubling per retry) for other failures; for throttling the same rule over the
        /// throttled retries of this request, up to CloudFrontConfig.MaxThrottleBackoff, so that a long run of Throttling
        /// answers keeps probing every few seconds instead of every 20.
        /// </summary>
        public override Task WaitBeforeRetryAsync(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            if (!LastAttemptThrottled(requestContext)) return base.WaitBeforeRetryAsync(executionContext);
            var ceiling = Math.Min(_maxThrottleBackoff.TotalMilliseconds, 1000 * Math.Pow(2, ThrottledRetries(requestContext) - 1));
            double jitter;
            lock (Jitter) jitter = Jitter.NextDouble();
            return Task.Delay(TimeSpan.FromMilliseconds(jitter * ceiling), requestContext.CancellationToken);
        }

        private static bool LastAttemptThrottled(IRequestContext requestContext) =>
            requestContext.ContextAttributes.TryGetValue(LastThrottledKey, out var throttled) && (bool)throttled;

        private static int ThrottledRetries(IRequestContext requestContext) =>
            requestContext.ContextAttributes.TryGetValue(ThrottledRetriesKey, out var count) ? (int)count : 0;
    }
}
