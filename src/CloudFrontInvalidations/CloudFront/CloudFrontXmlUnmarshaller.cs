using System;
using System.Net;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// What every CloudFront operation's unmarshaller shares: walking the streamed XML element by element,
    /// and error bodies becoming typed exceptions.
    /// </summary>
    internal abstract class CloudFrontXmlUnmarshaller : XmlResponseUnmarshaller
    {
        /// <summary>Calls <paramref name="readElement"/> for each element inside the current one, at any depth.</summary>
        protected static void ForEachElementWithin(XmlUnmarshallerContext context, Action<string> readElement)
        {
            var depth = context.CurrentDepth;
            while (context.ReadAtDepth(depth))
            {
                if (context.IsStartElement) readElement(context.CurrentElementName);
            }
        }

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
