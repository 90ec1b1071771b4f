using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Whose invalidations: a distribution (ListInvalidations, GetInvalidation) or a distribution tenant (their tenant forms).</summary>
    internal sealed class InvalidationOwner : IEquatable<InvalidationOwner>
    {
        private InvalidationOwner(string id, bool isTenant)
        {
            Id = id;
            IsTenant = isTenant;
        }

        internal static InvalidationOwner Distribution(string id) => new InvalidationOwner(id, isTenant: false);
        internal static InvalidationOwner Tenant(string id) => new InvalidationOwner(id, isTenant: true);

        internal string Id { get; }
        internal bool IsTenant { get; }
        /// <summary>"distribution" or "distribution tenant".</summary>
        internal string Kind => IsTenant ? "distribution tenant" : "distribution";

        /// <summary>"distribution 'E1'", as messages name it.</summary>
        public override string ToString() => $"{Kind} '{Id}'";

        public bool Equals(InvalidationOwner? other) =>
            other != null && IsTenant == other.IsTenant && string.Equals(Id, other.Id, StringComparison.Ordinal);

        public override bool Equals(object? obj) => Equals(obj as InvalidationOwner);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id) * 2 + (IsTenant ? 1 : 0);
    }
}
