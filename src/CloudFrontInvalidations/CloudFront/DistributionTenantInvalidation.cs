namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>An invalidation of a distribution tenant (GetInvalidationForDistributionTenant).</summary>
    public sealed class DistributionTenantInvalidation : Invalidation
    {
        /// <summary>The distribution tenant the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionTenantId { get; set; }
    }
}
