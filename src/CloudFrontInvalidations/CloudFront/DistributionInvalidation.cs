using System.Management.Automation;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>An invalidation of a distribution (GetInvalidation).</summary>
    public sealed class DistributionInvalidation : Invalidation
    {
        /// <summary>The distribution the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionId { get; set; }

        /// <summary>AWS.Tools' member path .Invalidation (see <see cref="Invalidation.WithoutLocation"/>); hidden, as it repeats the object.</summary>
        [Hidden]
        public DistributionInvalidation? Invalidation => (DistributionInvalidation?)WithoutLocation();
    }
}
