using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One invalidation to get: its id and its owner, a distribution or a distribution tenant.</summary>
    internal sealed class InvalidationTarget : IEquatable<InvalidationTarget>
    {
        private InvalidationTarget(string? distributionId, string? distributionTenantId, string id)
        {
            DistributionId = distributionId;
            DistributionTenantId = distributionTenantId;
            Id = id;
        }

        internal static InvalidationTarget OfDistribution(string distributionId, string id) =>
            new InvalidationTarget(distributionId, null, id);

        internal static InvalidationTarget OfDistributionTenant(string distributionTenantId, string id) =>
            new InvalidationTarget(null, distributionTenantId, id);

        internal string? DistributionId { get; }
        internal string? DistributionTenantId { get; }
        internal string Id { get; }

        /// <summary>"invalidation I1 of distribution 'E1'", as error messages name it.</summary>
        public override string ToString() => DistributionTenantId == null
            ? $"invalidation {Id} of distribution '{DistributionId}'"
            : $"invalidation {Id} of distribution tenant '{DistributionTenantId}'";

        public bool Equals(InvalidationTarget? other) => other != null
            && string.Equals(DistributionId, other.DistributionId, StringComparison.Ordinal)
            && string.Equals(DistributionTenantId, other.DistributionTenantId, StringComparison.Ordinal)
            && string.Equals(Id, other.Id, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as InvalidationTarget);

        public override int GetHashCode() =>
            StringComparer.Ordinal.GetHashCode(DistributionId ?? DistributionTenantId ?? string.Empty) * 31 + StringComparer.Ordinal.GetHashCode(Id);
    }
}
