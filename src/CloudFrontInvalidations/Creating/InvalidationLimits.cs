namespace CloudFrontInvalidations.Creating
{
    /// <summary>CloudFront's limits on invalidation paths and on what may be in progress per distribution.</summary>
    internal static class InvalidationLimits
    {
        /// <summary>The most paths one CreateInvalidation may carry, and the most file paths in progress per distribution.</summary>
        internal const int MaxPathsPerBatch = 3000;

        /// <summary>The most wildcard paths in progress per distribution, so also in one batch.</summary>
        internal const int MaxWildcardsInProgress = 15;

        internal const int MaxPathLength = 4000;

        internal const int MaxTagLength = 256;

        /// <summary>The paths a month that cost nothing, per account across all distributions.</summary>
        internal const int FreePathsPerMonth = 1000;
    }
}
