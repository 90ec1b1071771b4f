using System;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>One thing <see cref="UsageCounter.Count"/> reports, on the caller's thread.</summary>
    internal sealed class UsageEvent
    {
        private UsageEvent(UsageEventKind kind) => Kind = kind;

        internal UsageEventKind Kind { get; }
        internal string? Message { get; private set; }
        internal InvalidationUsage? Usage { get; private set; }
        /// <summary>For <see cref="UsageEventKind.Failed"/>: what failed, the error's target (an owner's id, or DistributionLister.Target) and what was being done.</summary>
        internal string? Target { get; private set; }
        internal string? Activity { get; private set; }
        internal Exception? Failure { get; private set; }
        internal UsageProgress? Progress { get; private set; }
        internal UsageSummary? Summary { get; private set; }

        internal static UsageEvent Warning(string message) => new UsageEvent(UsageEventKind.Warning) { Message = message };
        internal static UsageEvent Counted(InvalidationUsage usage) => new UsageEvent(UsageEventKind.Counted) { Usage = usage };
        internal static UsageEvent Failed(string target, string activity, Exception failure) =>
            new UsageEvent(UsageEventKind.Failed) { Target = target, Activity = activity, Failure = failure };
        internal static UsageEvent Progressed(UsageProgress progress) => new UsageEvent(UsageEventKind.Progress) { Progress = progress };
        internal static UsageEvent Totals(UsageSummary summary) => new UsageEvent(UsageEventKind.Summary) { Summary = summary };
    }
}
