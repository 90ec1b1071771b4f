using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One CreateInvalidation to send: its owner, its paths as sent and its CallerReference, fixed before the first attempt.</summary>
    internal sealed record PlannedBatch(InvalidationOwner Owner, IReadOnlyList<InvalidationPath> Paths, string CallerReference)
    {
        internal int Wildcards => Paths.Count(path => path.Kind == PathKind.Wildcard);
        internal int Tags => Paths.Count(path => path.Kind == PathKind.Tag);

        /// <summary>The paths as they go on the wire, in order.</summary>
        internal IReadOnlyList<string> SentPaths => Paths.Select(path => path.Sent).ToList();

        /// <summary>How many of its paths a batch's description shows.</summary>
        internal const int PathsShown = 5;

        /// <summary>
        /// What -WhatIf and -Verbose say of the batch: its owner, its counts, its reference, the first paths as they go on the
        /// wire, and what it costs.
        /// </summary>
        internal string Description
        {
            get
            {
                var shown = string.Join(", ", Paths.Take(PathsShown).Select(path => path.Sent));
                if (Paths.Count > PathsShown) shown += $", ... ({Paths.Count - PathsShown} more)";
                return $"CreateInvalidation of {this} with CallerReference '{CallerReference}': {shown}. " +
                    $"Each path counts toward the account's {InvalidationLimits.FreePathsPerMonth.ToString("N0", CultureInfo.InvariantCulture)} free invalidation paths a month (then billed per path).";
            }
        }

        /// <summary>What -Confirm asks before the batch is sent.</summary>
        internal string ConfirmQuestion => $"Create an invalidation? {Description}";

        /// <summary>"3 paths (1 wildcard, 0 cache tags) for distribution 'E1'".</summary>
        public override string ToString() =>
            $"{Paths.Count} path{(Paths.Count == 1 ? "" : "s")} ({Wildcards} wildcard{(Wildcards == 1 ? "" : "s")}, {Tags} cache tag{(Tags == 1 ? "" : "s")}) for {Owner}";
    }
}
