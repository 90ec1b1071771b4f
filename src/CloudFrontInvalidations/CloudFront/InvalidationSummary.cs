using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One invalidation batch as Get-CFInvalidationList writes it to the pipeline.</summary>
    public sealed class InvalidationSummary
    {
        /// <summary>
        /// The distribution listed; not on the wire, set from the request. Null for a tenant's item: the tenant's
        /// listing does not say which distribution serves it.
        /// </summary>
        public string? DistributionId { get; set; }
        /// <summary>The distribution tenant listed (-DistributionTenantId); null for a distribution's item.</summary>
        public string? DistributionTenantId { get; set; }
        public string? Id { get; set; }
        /// <summary>When the batch was created, in UTC; null when the response did not say.</summary>
        public DateTime? CreateTime { get; set; }
        /// <summary>InProgress or Completed.</summary>
        public string? Status { get; set; }

        public override string ToString() => Id ?? string.Empty;
    }
}
