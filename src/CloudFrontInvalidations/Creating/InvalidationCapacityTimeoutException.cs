using System;
using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// New-CFInvalidation's -TimeoutSec passed while CloudFront still answered TooManyInvalidationsInProgress for a
    /// distribution (ErrorId TooManyInvalidationsInProgress). InnerException is CloudFront's last refusal.
    /// </summary>
    public sealed class InvalidationCapacityTimeoutException : TimeoutException
    {
        private const int PathsNamed = 10;

        internal InvalidationCapacityTimeoutException(InvalidationOwner owner, IReadOnlyList<string> unsentPaths, TimeSpan timeout,
            Exception? lastRefusal)
            : base($"CloudFront still had too many invalidations in progress on {owner} after {timeout.TotalSeconds:0.#} s " +
                $"(at most {InvalidationLimits.MaxFilePathsInProgress} file paths and {InvalidationLimits.MaxWildcardsInProgress} wildcard paths may be in progress); " +
                $"{unsentPaths.Count} path{(unsentPaths.Count == 1 ? " was" : "s were")} not sent: {Name(unsentPaths)}", lastRefusal)
        {
            OwnerId = owner.Id;
            UnsentPaths = unsentPaths.ToArray();
            Timeout = timeout;
        }

        /// <summary>The distribution (or distribution tenant) that had no room.</summary>
        public string OwnerId { get; }
        /// <summary>Every path not sent, as it would have been sent: run again with these.</summary>
        public string[] UnsentPaths { get; }
        public TimeSpan Timeout { get; }

        private static string Name(IReadOnlyList<string> paths) =>
            string.Join(", ", paths.Take(PathsNamed)) + (paths.Count > PathsNamed ? $" and {paths.Count - PathsNamed} more (UnsentPaths has them all)." : ".");
    }
}
