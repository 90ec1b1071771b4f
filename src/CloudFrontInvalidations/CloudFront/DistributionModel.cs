using System.Collections.Generic;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    // The subset of Amazon.CloudFront.Model's ListDistributions shapes that the module reads, with
    // the same member names.

    /// <summary>Input of the ListDistributions operation.</summary>
    internal sealed class ListDistributionsRequest : AmazonWebServiceRequest
    {
        public string? Marker { get; set; }
        public int? MaxItems { get; set; }
    }

    /// <summary>Output of the ListDistributions operation.</summary>
    internal sealed class ListDistributionsResponse : AmazonWebServiceResponse
    {
        public DistributionList? DistributionList { get; set; }
    }

    /// <summary>One page of the account's distributions.</summary>
    internal sealed class DistributionList
    {
        public string? Marker { get; set; }
        public string? NextMarker { get; set; }
        public bool? IsTruncated { get; set; }
        public List<DistributionSummary>? Items { get; set; }
    }

    /// <summary>A distribution as ListDistributions describes it (the members completion shows and names resolve by).</summary>
    internal sealed class DistributionSummary
    {
        public string? Id { get; set; }
        /// <summary>The distribution's own name, such as d111111abcdef8.cloudfront.net.</summary>
        public string? DomainName { get; set; }
        /// <summary>Its alternate domain names (CNAMEs, Aliases.Items on the wire), such as www.example.com or *.example.com.</summary>
        public List<string>? Aliases { get; set; }
        public string? Comment { get; set; }
    }
}
