using System;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>How long a creation may wait for capacity, and how often it asks again.</summary>
    internal sealed class CreateOptions
    {
        /// <summary>An invalidation takes tens of seconds at best: asking sooner only adds refusals.</summary>
        internal static readonly TimeSpan DefaultFirstRetry = TimeSpan.FromSeconds(5);
        internal static readonly TimeSpan DefaultMaxRetry = TimeSpan.FromSeconds(60);

        internal CreateOptions(TimeSpan timeout, TimeSpan firstRetry, TimeSpan maxRetry)
        {
            Timeout = timeout;
            FirstRetry = firstRetry;
            MaxRetry = maxRetry;
        }

        internal CreateOptions(TimeSpan timeout) : this(timeout, DefaultFirstRetry, DefaultMaxRetry) { }

        /// <summary>For the whole creation, from its start.</summary>
        internal TimeSpan Timeout { get; }
        /// <summary>The wait after the first refusal; each further refusal in a row doubles it, up to <see cref="MaxRetry"/>.</summary>
        internal TimeSpan FirstRetry { get; }
        internal TimeSpan MaxRetry { get; }
    }
}
