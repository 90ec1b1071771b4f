namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>An invalidation of a distribution (GetInvalidation).</summary>
    public sealed class DistributionInvalidation : Invalidation
    {
        /// <summary>The distribution the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionId { get; set; }
    }
}
