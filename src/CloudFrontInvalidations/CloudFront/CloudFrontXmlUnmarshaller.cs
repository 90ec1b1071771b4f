using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>What every CloudFront operation's unmarshaller shares: error bodies become typed exceptions.</summary>
    internal abstract class CloudFrontXmlUnmarshaller : XmlResponseUnmarshaller
    {
        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context,
            Exception innerException, HttpStatusCode statusCode)
        {
            var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
            error.InnerException = innerException;
            error.StatusCode = statusCode;
            return CloudFrontServiceException.FromErrorResponse(error);
        }
    }
}
