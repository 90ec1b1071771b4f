using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Bounds each HTTP attempt from sending to the last byte of its body. The HttpClient's own timeout (ClientConfig.Timeout)
    /// ends only the wait for the headers, and a body that trickles or never ends would be read for ever: this handler, just
    /// inside AWSSDK.Core's RetryHandler, gives every attempt a deadline that the response stream honours
    /// (<see cref="BoundedResponseStream"/>, through <see cref="DeadlineOf"/>), and reports its expiry as an
    /// <see cref="AttemptTimeoutException"/>, which the retry policy treats as any timeout.
    /// </summary>
    internal sealed class AttemptTimeoutHandler : PipelineHandler
    {
        private const string DeadlineKey = "CloudFrontInvalidations.AttemptDeadline";
        private readonly TimeSpan _timeout;

        internal AttemptTimeoutHandler(TimeSpan timeout) => _timeout = timeout;

        /// <summary>The current attempt's deadline, cancelled when it expires (or the request is cancelled).</summary>
        internal static CancellationToken DeadlineOf(IRequestContext? requestContext) =>
            requestContext?.ContextAttributes != null && requestContext.ContextAttributes.TryGetValue(DeadlineKey, out var token)
                ? (CancellationToken)token : requestContext?.CancellationToken ?? CancellationToken.None;

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var requestContext = executionContext.RequestContext;
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(requestContext.CancellationToken);
            deadline.CancelAfter(_timeout);
            requestContext.ContextAttributes[DeadlineKey] = deadline.Token;
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception failure) when (!requestContext.CancellationToken.IsCancellationRequested && IsExpiry(failure, deadline.Token))
            {
                throw new AttemptTimeoutException(_timeout, failure);
            }
            finally
            {
                requestContext.ContextAttributes.Remove(DeadlineKey);
            }
        }

        // The deadline cut the body short (cancelled read, aborted connection), or the HttpClient's own timeout, set to the
        // same length, ended the wait for the headers first.
        private static bool IsExpiry(Exception failure, CancellationToken deadline) =>
            deadline.IsCancellationRequested || failure is OperationCanceledException || failure is TimeoutException;
    }
}
