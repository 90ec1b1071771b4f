using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    internal enum UsageEventKind
    {
        /// <summary>The month is older than the history ListInvalidations returns (<see cref="UsageEvent.Message"/>); comes first.</summary>
        Warning,
        /// <summary>An owner with invalidations in the month is counted: <see cref="UsageEvent.Usage"/>; in scope order.</summary>
        Counted,
        /// <summary>An owner (or the account's listing) could not be counted: <see cref="UsageEvent.Failure"/>; in scope order.</summary>
        Failed,
        /// <summary>Where the count stands: <see cref="UsageEvent.Progress"/>.</summary>
        Progress,
        /// <summary>The whole scope's totals: <see cref="UsageEvent.Summary"/>; comes last.</summary>
        Summary,
    }

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

    /// <summary>Where a count stands.</summary>
    internal sealed class UsageProgress
    {
        internal UsageProgress(int ownersDone, int? ownersTotal, int invalidationsCounted, int invalidationsFound)
        {
            OwnersDone = ownersDone;
            OwnersTotal = ownersTotal;
            InvalidationsCounted = invalidationsCounted;
            InvalidationsFound = invalidationsFound;
        }

        /// <summary>Distributions (or tenants) counted or failed.</summary>
        internal int OwnersDone { get; }
        /// <summary>Null while the account's distributions are still being listed.</summary>
        internal int? OwnersTotal { get; }
        /// <summary>GetInvalidation answers counted.</summary>
        internal int InvalidationsCounted { get; }
        /// <summary>Invalidations listed so far that need a GetInvalidation (in the month, or in progress).</summary>
        internal int InvalidationsFound { get; }
    }
}
