using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One CreateInvalidation to send: its owner, its paths as sent and its CallerReference, fixed before the first attempt.</summary>
    /// <param name="ReferenceGiven">The reference comes from -CallerReference, so every run with the same inputs sends it; else each run makes a new one.</param>
    internal sealed record PlannedBatch(InvalidationOwner Owner, IReadOnlyList<InvalidationPath> Paths, string CallerReference, bool ReferenceGiven = false)
    {
        internal int Wildcards => Paths.Count(path => path.Kind == PathKind.Wildcard);
        internal int Tags => Paths.Count(path => path.Kind == PathKind.Tag);

        /// <summary>The paths as they go on the wire, in order.</summary>
        internal IReadOnlyList<string> SentPaths => Paths.Select(path => path.Sent).ToList();

        /// <summary>How many of its paths a batch's description shows.</summary>
        internal const int PathsShown = 5;

        /// <summary>
        /// What -Confirm and -Verbose say of the batch: its owner, its counts, its reference, the first paths as they go on the
        /// wire, and what it costs.
        /// </summary>
        internal string Description => Describe($"CallerReference '{CallerReference}'");

        /// <summary>
        /// What -WhatIf says: <see cref="Description"/>, but a reference made for this run only is named as what it is, since a
        /// real run makes another.
        /// </summary>
        internal string WhatIfDescription => ReferenceGiven ? Description : Describe("a new CallerReference (New-CFInvalidation-<UTC time>-<random>)");

        private string Describe(string reference)
        {
            var shown = string.Join(", ", Paths.Take(PathsShown).Select(path => path.Sent));
            if (Paths.Count > PathsShown) shown += $", ... ({Paths.Count - PathsShown} more)";
            return $"CreateInvalidation of {this} with {reference}: {shown}. " +
                $"Each path counts toward the account's {InvalidationLimits.FreePathsPerMonth.ToString("N0", CultureInfo.InvariantCulture)} free invalidation paths a month (then billed per path).";
        }

        /// <summary>What -Confirm asks before the batch is sent.</summary>
        internal string ConfirmQuestion => $"Create an invalidation? {Description}";

        /// <summary>"3 paths (1 wildcard, 0 cache tags) for distribution 'E1'".</summary>
        public override string ToString() =>
            $"{Paths.Count} path{(Paths.Count == 1 ? "" : "s")} ({Wildcards} wildcard{(Wildcards == 1 ? "" : "s")}, {Tags} cache tag{(Tags == 1 ? "" : "s")}) for {Owner}";
    }
}
