namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Whose invalidations: a distribution or a distribution tenant. Every invalidation operation has one form for
    /// each, differing only in the URI and the operation's name, so the owner decides both.
    /// </summary>
    internal sealed record InvalidationOwner(string Id, bool IsTenant)
    {
        internal static InvalidationOwner Distribution(string id) => new InvalidationOwner(id, IsTenant: false);
        internal static InvalidationOwner Tenant(string id) => new InvalidationOwner(id, IsTenant: true);

        /// <summary>"distribution" or "distribution tenant".</summary>
        internal string Kind => IsTenant ? "distribution tenant" : "distribution";

        /// <summary>The URI of the owner below the API version: "distribution/{OwnerId}" with <see cref="IdLabel"/> to fill.</summary>
        internal string UriTemplate => IsTenant ? "distribution-tenant/{" + IdLabel + "}" : "distribution/{" + IdLabel + "}";

        internal const string IdLabel = "OwnerId";

        /// <summary>The API's name for an operation on this owner: "ListInvalidations" or "ListInvalidationsForDistributionTenant".</summary>
        internal string OperationName(string distributionForm) => IsTenant ? distributionForm + "ForDistributionTenant" : distributionForm;

        /// <summary>"distribution 'E1'", as messages name it (an id outside its rule cleaned: it came from a server).</summary>
        public override string ToString() => $"{Kind} '{IdRule.Of(this).Shown(Id)}'";
    }
}
