using System;
using System.Globalization;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// The CallerReference of each batch. CloudFront answers a batch sent again with the same reference and the same paths
    /// with the invalidation it already created, so a reference fixed before the first attempt makes every retry safe.
    /// </summary>
    internal static class CallerReferences
    {
        /// <summary>A reference no other batch has: the time (UTC, for a person reading it) and a random part.</summary>
        internal static string New(DateTime utcNow) =>
            "New-CFInvalidation-" + utcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N");

        /// <summary>
        /// The reference of batch <paramref name="number"/> of <paramref name="count"/> when one given reference covers
        /// several batches: the same given reference and the same paths split the same way, so a re-run derives the same ones.
        /// </summary>
        internal static string Derive(string given, int number, int count) =>
            count == 1 ? given : string.Format(CultureInfo.InvariantCulture, "{0}-{1}of{2}", given, number, count);
    }
}
