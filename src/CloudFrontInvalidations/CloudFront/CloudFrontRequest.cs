using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>The input of one CloudFront operation, which knows the API's name for the call it makes.</summary>
    internal abstract class CloudFrontRequest : AmazonWebServiceRequest
    {
        /// <summary>"ListInvalidations", "GetInvalidationForDistributionTenant": as reports and the API reference name it.</summary>
        internal abstract string OperationName { get; }
    }
}
