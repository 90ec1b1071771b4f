using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// One HTTP attempt got no complete answer (status, headers and the last byte of the body) within the per-attempt
    /// timeout. The SDK's retry policy retries it as it retries any timeout, within its bounded attempts.
    /// </summary>
    public sealed class AttemptTimeoutException : TimeoutException
    {
        internal AttemptTimeoutException(TimeSpan timeout, Exception? innerException)
            : base($"No complete answer within the request timeout of {Seconds(timeout)} s (per attempt, from sending to the last byte of the body; -TimeoutSec sets it).", innerException)
        {
            Timeout = timeout;
        }

        /// <summary>The per-attempt timeout that expired.</summary>
        public TimeSpan Timeout { get; }

        internal static string Seconds(TimeSpan timeout) =>
            timeout.TotalSeconds.ToString(timeout.TotalSeconds % 1 == 0 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture);
    }
}
