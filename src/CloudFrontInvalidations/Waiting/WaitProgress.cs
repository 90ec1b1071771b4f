using System;
using System.Globalization;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>Where a wait stands after a poll round.</summary>
    /// <param name="OldestPending">The pending invalidation created first (by its last answer's CreateTime); null when none is pending.</param>
    internal sealed record WaitProgress(int Completed, int Failed, int Total, TimeSpan Elapsed, InvalidationTarget? OldestPending,
        DateTime? OldestPendingCreateTime)
    {
        internal int Pending => Total - Completed - Failed;

        /// <summary>"3 of 5 completed, 00:01:20 elapsed, 1 failed", as the progress bar shows it.</summary>
        internal string Status =>
            string.Format(CultureInfo.InvariantCulture, "{0} of {1} completed, {2:hh\\:mm\\:ss} elapsed", Completed, Total, Elapsed)
            + (Failed > 0 ? string.Format(CultureInfo.InvariantCulture, ", {0} failed", Failed) : "");

        internal int PercentComplete => Total == 0 ? 100 : (Completed + Failed) * 100 / Total;

        /// <summary>"Oldest still in progress: invalidation I1 of distribution 'E1', created 2026-01-02T03:04:05.000+01:00"; null when none is pending.</summary>
        internal string? OldestPendingDescription => OldestPending == null ? null
            : "Oldest still in progress: " + OldestPending
              + (OldestPendingCreateTime is DateTime created
                  ? ", created " + LocalInstant.Format(created) : "");
    }
}
