using System;
using System.Net;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// What every CloudFront operation's unmarshaller shares: walking the streamed XML element by element,
    /// and error bodies becoming typed exceptions.
    /// </summary>
    internal abstract class CloudFrontXmlUnmarshaller : XmlResponseUnmarshaller
    {
        /// <summary>
        /// Reads the document's root element <paramref name="rootName"/> with <paramref name="readRoot"/>;
        /// null for an empty body.
        /// </summary>
        protected static T? ReadDocument<T>(XmlUnmarshallerContext context, string rootName,
            Func<XmlUnmarshallerContext, T> readRoot) where T : class
        {
            if (context.IsEmptyResponse) return null;
            T? root = null;
            try
            {
                while (context.Read())
                {
                    if (context.IsStartElement && context.TestExpression(rootName, 1)) root = readRoot(context);
                }
            }
            catch (XmlException unreadable)
            {
                // The SDK's retry policy treats an unreadable 200 as transient (a body cut in transit) only
                // when it arrives as AmazonUnmarshallingException, as its generated unmarshallers raise it.
                throw new AmazonUnmarshallingException(RequestIdOf(context), context.CurrentPath, unreadable,
                    context.ResponseData.StatusCode);
            }
            return root;
        }

        private static string? RequestIdOf(XmlUnmarshallerContext context)
        {
            foreach (var header in new[] { HeaderKeys.XAmzRequestIdHeader, HeaderKeys.RequestIdHeader })
            {
                if (context.ResponseData.IsHeaderPresent(header)) return context.ResponseData.GetHeaderValue(header);
            }
            return null;
        }

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
