using System;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>One thing <see cref="UsageCounter.Count"/> reports, in scope order, on the caller's thread.</summary>
    /// <param name="Target">For <see cref="UsageEventKind.Failed"/>: the id that failed (DistributionLister.Target when ListDistributions did), as the error's target.</param>
    /// <param name="Activity">For <see cref="UsageEventKind.Failed"/>: what failed, as the error message begins.</param>
    internal sealed record UsageEvent(UsageEventKind Kind, string? Message = null, InvalidationUsage? Usage = null, string? Target = null,
        string? Activity = null, Exception? Failure = null, UsageProgress? Progress = null, UsageSummary? Summary = null)
    {
        internal static UsageEvent Warning(string message) => new UsageEvent(UsageEventKind.Warning, Message: message);
        internal static UsageEvent Counted(InvalidationUsage usage) => new UsageEvent(UsageEventKind.Counted, Usage: usage);
        internal static UsageEvent Failed(string target, string activity, Exception failure) =>
            new UsageEvent(UsageEventKind.Failed, Target: target, Activity: activity, Failure: failure);
        internal static UsageEvent Progressed(UsageProgress progress) => new UsageEvent(UsageEventKind.Progress, Progress: progress);
        internal static UsageEvent Totals(UsageSummary summary) => new UsageEvent(UsageEventKind.Summary, Summary: summary);
    }
}
