using System.Management.Automation;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// A cmdlet whose inputs are worked on concurrently (Concurrency/OrderedFanOut), written in input order:
    /// -ThrottleLimit, with ForEach-Object -Parallel's name.
    /// </summary>
    public abstract class ConcurrentAwsCmdlet : AwsSessionCmdlet
    {
        /// <summary>
        /// CloudFront publishes no request rate for these read calls and answers bursts with Throttling, which the
        /// SDK retries with backoff: a few requests at once already hide most of the round trip without inviting it.
        /// </summary>
        internal const int DefaultThrottleLimit = 4;
        internal const int MaxThrottleLimit = 64;

        [Parameter]
        [ValidateRange(1, MaxThrottleLimit)]
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;
    }
}
