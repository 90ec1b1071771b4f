using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// CloudFront's limits on invalidation paths and on what may be in progress per distribution, the paths a month
    /// that cost nothing, and what a path counts as against them: New-CFInvalidation's batches are planned by them,
    /// Get-CFInvalidationUsage's load and bill are reported by them.
    /// </summary>
    internal static class InvalidationLimits
    {
        /// <summary>The most file paths (tags included) in progress per distribution.</summary>
        internal const int MaxFilePathsInProgress = 3000;

        /// <summary>The most paths one CreateInvalidation may carry: no more than may be in progress.</summary>
        internal const int MaxPathsPerBatch = MaxFilePathsInProgress;

        /// <summary>The most wildcard paths in progress per distribution, so also in one batch.</summary>
        internal const int MaxWildcardsInProgress = 15;

        internal const int MaxPathLength = 4000;

        internal const int MaxTagLength = 256;

        /// <summary>The paths a month that cost nothing, per account across all distributions.</summary>
        internal const int FreePathsPerMonth = 1000;

        /// <summary>
        /// What a path counts as, given or as GetInvalidation answers it: an item starting with '#' is a cache tag, a path
        /// ending in '*' a wildcard ('*' anywhere else is a literal character), anything else one file. Each counts as one
        /// path on the bill; in progress, tags count with the file paths and wildcards apart.
        /// </summary>
        internal static PathKind KindOf(string path) =>
            path.StartsWith("#", StringComparison.Ordinal) ? PathKind.Tag
            : path.EndsWith("*", StringComparison.Ordinal) ? PathKind.Wildcard
            : PathKind.File;
    }
}
