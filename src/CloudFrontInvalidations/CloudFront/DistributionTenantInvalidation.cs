using System.Management.Automation;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>An invalidation of a distribution tenant (GetInvalidationForDistributionTenant).</summary>
    public sealed class DistributionTenantInvalidation : Invalidation
    {
        /// <summary>The distribution tenant the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionTenantId { get; set; }

        /// <summary>AWS.Tools' member path .Invalidation (see <see cref="Invalidation.WithoutLocation"/>); hidden, as it repeats the object.</summary>
        [Hidden]
        public DistributionTenantInvalidation? Invalidation => (DistributionTenantInvalidation?)WithoutLocation();
    }
}
