using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One invalidation to get: its owner (a distribution or a distribution tenant) and its id.</summary>
    internal sealed class InvalidationTarget : IEquatable<InvalidationTarget>
    {
        internal InvalidationTarget(InvalidationOwner owner, string id)
        {
            Owner = owner;
            Id = id;
        }

        internal InvalidationOwner Owner { get; }
        internal string Id { get; }

        /// <summary>"invalidation I1 of distribution 'E1'", as error messages name it.</summary>
        public override string ToString() => $"invalidation {Id} of {Owner}";

        public bool Equals(InvalidationTarget? other) =>
            other != null && Owner.Equals(other.Owner) && string.Equals(Id, other.Id, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as InvalidationTarget);

        public override int GetHashCode() => Owner.GetHashCode() * 31 + StringComparer.Ordinal.GetHashCode(Id);
    }
}
