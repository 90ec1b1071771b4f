using System;
using System.Collections.Generic;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    // The shapes mirror Amazon.CloudFront.Model (AWSSDK.CloudFront v4) member for member, so scripts
    // written against AWS.Tools see the same property names and the official client can replace ours.

    /// <summary>Input of the ListInvalidations operation.</summary>
    internal sealed class ListInvalidationsRequest : AmazonWebServiceRequest
    {
        public string? DistributionId { get; set; }
        public string? Marker { get; set; }
        public int? MaxItems { get; set; }
    }

    /// <summary>Input of the ListInvalidationsForDistributionTenant operation (MaxItems is an integer in its model).</summary>
    internal sealed class ListInvalidationsForDistributionTenantRequest : AmazonWebServiceRequest
    {
        /// <summary>The distribution tenant's id.</summary>
        public string? Id { get; set; }
        public string? Marker { get; set; }
        public int? MaxItems { get; set; }
    }

    /// <summary>Output of the ListInvalidations operation, and of ListInvalidationsForDistributionTenant (same shape).</summary>
    public sealed class ListInvalidationsResponse : AmazonWebServiceResponse
    {
        public InvalidationList? InvalidationList { get; set; }
    }

    /// <summary>One page of invalidation batches, newest first.</summary>
    public sealed class InvalidationList
    {
        public string? Marker { get; set; }
        public string? NextMarker { get; set; }
        public int? MaxItems { get; set; }
        public bool? IsTruncated { get; set; }
        public int? Quantity { get; set; }
        public List<InvalidationSummary>? Items { get; set; }
    }

    /// <summary>One invalidation batch as the cmdlet writes it to the pipeline.</summary>
    public sealed class InvalidationSummary
    {
        /// <summary>
        /// The distribution listed; not on the wire, set by the lister. Null for a tenant's item: the tenant's
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
