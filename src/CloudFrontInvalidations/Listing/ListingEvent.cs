using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>One thing <see cref="ListingEngine"/> reports, in output order, on the caller's thread.</summary>
    /// <param name="Owner">Whose listing wrote <see cref="Output"/>, or failed (null when ListDistributions failed).</param>
    /// <param name="Activity">What failed, as the error message begins: "Listing invalidations of distribution 'E1'".</param>
    /// <param name="Target">The id that failed, as the error's target.</param>
    internal sealed record ListingEvent(ListingEventKind Kind, InvalidationOwner? Owner = null, object? Output = null,
        Exception? Failure = null, string? Activity = null, string? Target = null, string? Text = null,
        ListingProgress? Progress = null, ulong Seen = 0, bool IsSeenExact = false)
    {
        internal static ListingEvent Item(InvalidationOwner owner, object? output) =>
            new ListingEvent(ListingEventKind.Output, owner, output);

        internal static ListingEvent Failed(Exception failure, string activity, string target, InvalidationOwner? owner = null) =>
            new ListingEvent(ListingEventKind.Failed, owner, Failure: failure, Activity: activity, Target: target);

        internal static ListingEvent Progressed(ListingProgress progress) => new ListingEvent(ListingEventKind.Progress, Progress: progress);

        internal static ListingEvent Verbose(string text) => new ListingEvent(ListingEventKind.Verbose, Text: text);

        internal static ListingEvent Warning(string text) => new ListingEvent(ListingEventKind.Warning, Text: text);

        internal static ListingEvent Totals(ulong seen, bool isSeenExact) =>
            new ListingEvent(ListingEventKind.Totals, Seen: seen, IsSeenExact: isSeenExact);
    }
}
