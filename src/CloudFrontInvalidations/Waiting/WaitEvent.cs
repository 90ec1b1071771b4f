using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Waiting
{
    internal enum WaitEventKind
    {
        /// <summary>The invalidation was seen Completed: <see cref="WaitEvent.Invalidation"/> is that answer.</summary>
        Completed,
        /// <summary>The invalidation cannot be waited on (NoSuchInvalidation, AccessDenied, ...): it leaves the wait.</summary>
        Failed,
        /// <summary>A poll failed in a way that may pass (throttling, 5xx, timeout after the SDK's retries): polled again next round.</summary>
        PollFailed,
        /// <summary>A poll round ended: <see cref="WaitEvent.Progress"/> says where the wait stands.</summary>
        RoundEnded,
        /// <summary>The timeout passed with the invalidation still in progress.</summary>
        TimedOut,
    }

    /// <summary>One thing <see cref="InvalidationWaiter.Wait"/> reports, on the caller's thread.</summary>
    internal sealed class WaitEvent
    {
        private WaitEvent(WaitEventKind kind, InvalidationTarget? target, Invalidation? invalidation, Exception? failure, WaitProgress? progress)
        {
            Kind = kind;
            Target = target;
            Invalidation = invalidation;
            Failure = failure;
            Progress = progress;
        }

        internal WaitEventKind Kind { get; }
        /// <summary>Null for <see cref="WaitEventKind.RoundEnded"/>.</summary>
        internal InvalidationTarget? Target { get; }
        /// <summary>The last answer for the target (null when none came yet).</summary>
        internal Invalidation? Invalidation { get; }
        internal Exception? Failure { get; }
        internal WaitProgress? Progress { get; }

        internal static WaitEvent Completed(InvalidationTarget target, Invalidation invalidation) =>
            new WaitEvent(WaitEventKind.Completed, target, invalidation, null, null);

        internal static WaitEvent Failed(InvalidationTarget target, Exception failure) =>
            new WaitEvent(WaitEventKind.Failed, target, null, failure, null);

        internal static WaitEvent PollFailed(InvalidationTarget target, Exception failure) =>
            new WaitEvent(WaitEventKind.PollFailed, target, null, failure, null);

        internal static WaitEvent RoundEnded(WaitProgress progress) =>
            new WaitEvent(WaitEventKind.RoundEnded, null, null, null, progress);

        internal static WaitEvent TimedOut(InvalidationTarget target, Invalidation? lastAnswer, TimeoutException failure) =>
            new WaitEvent(WaitEventKind.TimedOut, target, lastAnswer, failure, null);
    }

    /// <summary>Where a wait stands after a poll round.</summary>
    internal sealed class WaitProgress
    {
        internal WaitProgress(int completed, int failed, int total, TimeSpan elapsed, InvalidationTarget? oldestPending, DateTime? oldestPendingCreateTime)
        {
            Completed = completed;
            Failed = failed;
            Total = total;
            Elapsed = elapsed;
            OldestPending = oldestPending;
            OldestPendingCreateTime = oldestPendingCreateTime;
        }

        internal int Completed { get; }
        internal int Failed { get; }
        internal int Total { get; }
        internal int Pending => Total - Completed - Failed;
        internal TimeSpan Elapsed { get; }
        /// <summary>The pending invalidation created first (by its last answer's CreateTime); null when none is pending.</summary>
        internal InvalidationTarget? OldestPending { get; }
        internal DateTime? OldestPendingCreateTime { get; }
    }
}
