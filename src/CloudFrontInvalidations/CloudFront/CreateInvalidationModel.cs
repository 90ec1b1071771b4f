using System.Collections.Generic;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    // CreateInvalidation and its distribution-tenant form share one request and one response: the owner says which.

    /// <summary>Input of CreateInvalidation (or CreateInvalidationForDistributionTenant): one InvalidationBatch.</summary>
    internal sealed class CreateInvalidationRequest : AmazonWebServiceRequest
    {
        internal CreateInvalidationRequest(InvalidationOwner owner, string callerReference, IReadOnlyList<string> paths)
        {
            Owner = owner;
            CallerReference = callerReference;
            Paths = paths;
        }

        internal InvalidationOwner Owner { get; }
        internal string CallerReference { get; }
        /// <summary>As they go on the wire: already encoded.</summary>
        internal IReadOnlyList<string> Paths { get; }
    }

    /// <summary>Output of CreateInvalidation: the invalidation (stamped with its owner) and its Location.</summary>
    internal sealed class CreateInvalidationResponse : AmazonWebServiceResponse
    {
        public Invalidation? Invalidation { get; set; }
        public string? Location { get; set; }
    }
}
