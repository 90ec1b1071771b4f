using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>One thing <see cref="InvalidationWaiter.Wait"/> reports, on the caller's thread.</summary>
    /// <param name="Target">Null for <see cref="WaitEventKind.RoundEnded"/>.</param>
    /// <param name="Invalidation">The last answer for the target (null when none came yet).</param>
    internal sealed record WaitEvent(WaitEventKind Kind, InvalidationTarget? Target, Invalidation? Invalidation, Exception? Failure,
        WaitProgress? Progress)
    {
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
}
