using System;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>
    /// Wait-CFInvalidation's timeout passed with this invalidation still in progress (ErrorId WaitTimedOut).
    /// The ErrorRecord's TargetObject is the invalidation as last answered.
    /// </summary>
    public sealed class WaitTimeoutException : TimeoutException
    {
        public WaitTimeoutException(string invalidationId, string? lastStatus, TimeSpan timeout)
            : base($"Still {lastStatus ?? "not answered"} when the wait's timeout (-TimeoutSec) of {timeout.TotalSeconds:0.#} s expired.")
        {
            InvalidationId = invalidationId;
            LastStatus = lastStatus;
            Timeout = timeout;
        }

        public string InvalidationId { get; }
        /// <summary>The Status of the last answer (InProgress), or null when every poll of it failed.</summary>
        public string? LastStatus { get; }
        public TimeSpan Timeout { get; }
    }
}
