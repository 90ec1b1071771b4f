using System;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One HTTP attempt of an operation that failed; the SDK's retry handler decides what follows.</summary>
    /// <param name="Operation">The API's name for the call: "ListInvalidations".</param>
    /// <param name="Target">The request's path labels (a distribution id, an invalidation id): concurrent requests fail apart.</param>
    /// <param name="AttemptNumber">1 for the first attempt, 2 for the first retry, and so on.</param>
    internal sealed record RequestAttempt(string Operation, string Target, int AttemptNumber, TimeSpan Elapsed, Exception Failure)
    {
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
}
