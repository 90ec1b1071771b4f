using System.Collections.Generic;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>The invalidated paths (AWSSDK.CloudFront's Paths).</summary>
    public sealed class Paths
    {
        public int? Quantity { get; set; }
        public List<string>? Items { get; set; }
    }
}
