using System;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>How long a creation may wait for capacity, and how often it asks again.</summary>
    /// <param name="Timeout">For the whole creation, from its start.</param>
    /// <param name="FirstRetry">The wait after the first refusal; each further refusal in a row doubles it, up to <paramref name="MaxRetry"/>.</param>
    internal sealed record CreateOptions(TimeSpan Timeout, TimeSpan FirstRetry, TimeSpan MaxRetry)
    {
        /// <summary>An invalidation takes tens of seconds at best: asking sooner only adds refusals.</summary>
        internal static readonly TimeSpan DefaultFirstRetry = TimeSpan.FromSeconds(5);
        internal static readonly TimeSpan DefaultMaxRetry = TimeSpan.FromSeconds(60);

        internal CreateOptions(TimeSpan timeout) : this(timeout, DefaultFirstRetry, DefaultMaxRetry) { }
    }
}
