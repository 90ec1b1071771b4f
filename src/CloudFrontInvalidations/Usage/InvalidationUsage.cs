using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>
    /// One distribution's (or distribution tenant's) invalidations created in a billing month, and the load it has
    /// in progress now next to the limits CreateInvalidation enforces.
    /// </summary>
    public sealed class InvalidationUsage
    {
        internal InvalidationUsage(InvalidationOwner owner, string month)
        {
            if (owner.IsTenant) DistributionTenantId = owner.Id;
            else DistributionId = owner.Id;
            Month = month;
        }

        /// <summary>Null for a distribution tenant's usage.</summary>
        public string? DistributionId { get; }
        /// <summary>Null for a distribution's usage.</summary>
        public string? DistributionTenantId { get; }
        /// <summary>The UTC billing month, 'yyyy-MM'.</summary>
        public string Month { get; }
        /// <summary>Invalidation batches created in the month.</summary>
        public int Invalidations { get; private set; }
        /// <summary>Paths of those batches, as billed: a wildcard path and a tag count one each, a repeated path again.</summary>
        public int Paths { get; private set; }
        /// <summary>Of <see cref="Paths"/>, those ending in '*'.</summary>
        public int WildcardPaths { get; private set; }
        /// <summary>Of <see cref="Paths"/>, the cache tags ('#tag').</summary>
        public int TagItems { get; private set; }
        /// <summary>Batches in progress now, whenever created.</summary>
        public int InProgressInvalidations { get; private set; }
        /// <summary>File paths and tags in progress now: at <see cref="InProgressPathLimit"/>, CreateInvalidation is refused.</summary>
        public int InProgressPaths { get; private set; }
        public int InProgressPathLimit => InvalidationLimits.MaxFilePathsInProgress;
        /// <summary>Wildcard paths in progress now: at <see cref="InProgressWildcardPathLimit"/>, CreateInvalidation is refused.</summary>
        public int InProgressWildcardPaths { get; private set; }
        public int InProgressWildcardPathLimit => InvalidationLimits.MaxWildcardsInProgress;

        internal string OwnerId => DistributionId ?? DistributionTenantId!;

        /// <summary>Counts one answer of GetInvalidation: into the month's totals when created in it, into the load when in progress.</summary>
        internal void Add(Invalidation invalidation, bool createdInMonth)
        {
            var paths = invalidation.Paths;
            if (createdInMonth)
            {
                Invalidations++;
                Paths += paths.Count;
                foreach (var path in paths)
                {
                    var kind = InvalidationLimits.KindOf(path);
                    if (kind == PathKind.Tag) TagItems++;
                    else if (kind == PathKind.Wildcard) WildcardPaths++;
                }
            }
            if (invalidation.IsCompleted) return;
            InProgressInvalidations++;
            foreach (var path in paths)
            {
                if (InvalidationLimits.KindOf(path) == PathKind.Wildcard) InProgressWildcardPaths++;
                else InProgressPaths++;
            }
        }

        public override string ToString() => $"{OwnerId} {Month}: {Paths} paths";
    }
}
