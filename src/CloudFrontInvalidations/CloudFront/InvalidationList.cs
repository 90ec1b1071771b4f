using System.Collections.Generic;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One page of invalidation batches, newest first (AWSSDK.CloudFront's InvalidationList).</summary>
    public sealed class InvalidationList
    {
        public string? Marker { get; set; }
        public string? NextMarker { get; set; }
        public int? MaxItems { get; set; }
        public bool? IsTruncated { get; set; }
        public int? Quantity { get; set; }
        public List<InvalidationSummary>? Items { get; set; }
    }
}
