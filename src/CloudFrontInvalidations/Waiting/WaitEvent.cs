using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>One thing <see cref="InvalidationWaiter.Wait"/> or <see cref="WaitInputs.AddOwned"/> reports, on the caller's thread.</summary>
    /// <param name="Target">Null for <see cref="WaitEventKind.RoundEnded"/>.</param>
    /// <param name="Invalidation">The last answer for the target (null when none came yet).</param>
    /// <param name="Activity">For <see cref="WaitEventKind.ListingFailed"/>: what failed, as the error message begins.</param>
    /// <param name="FailedId">For <see cref="WaitEventKind.ListingFailed"/>: the id that failed, as the error's target.</param>
    /// <param name="Text">For <see cref="WaitEventKind.Verbose"/>.</param>
    internal sealed record WaitEvent(WaitEventKind Kind, InvalidationTarget? Target, Invalidation? Invalidation, Exception? Failure,
        WaitProgress? Progress, string? Activity = null, string? FailedId = null, string? Text = null)
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

        internal static WaitEvent ListingFailed(Exception failure, string activity, string? failedId) =>
            new WaitEvent(WaitEventKind.ListingFailed, null, null, failure, null, Activity: activity, FailedId: failedId);

        internal static WaitEvent Verbose(string text) => new WaitEvent(WaitEventKind.Verbose, null, null, null, null, Text: text);
    }
}
