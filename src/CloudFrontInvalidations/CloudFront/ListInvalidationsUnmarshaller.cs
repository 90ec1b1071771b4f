using System;
using System.Collections.Generic;
using System.Net;
using System.Xml;
using Amazon.Util;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Reads the InvalidationList XML as it streams in (the SDK's XmlReader-based context: no DOM),
    /// and turns error bodies into the typed CloudFront exceptions.
    /// </summary>
    internal sealed class ListInvalidationsUnmarshaller : XmlResponseUnmarshaller
    {
        internal static readonly ListInvalidationsUnmarshaller Instance = new ListInvalidationsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
        {
            var response = new ListInvalidationsResponse();
            if (context.IsEmptyResponse) return response;

            try
            {
                while (context.Read())
                {
                    if (context.IsStartElement && context.TestExpression("InvalidationList", 1))
                    {
                        response.InvalidationList = ReadInvalidationList(context);
                    }
                }
            }
            catch (XmlException unreadable)
            {
                // The SDK's retry policy treats an unreadable 200 as transient (a body cut in transit) only
                // when it arrives as AmazonUnmarshallingException, as its generated unmarshallers raise it.
                throw new AmazonUnmarshallingException(RequestIdOf(context), context.CurrentPath, unreadable,
                    context.ResponseData.StatusCode);
            }
            return response;
        }

        private static string? RequestIdOf(XmlUnmarshallerContext context)
        {
            foreach (var header in new[] { HeaderKeys.XAmzRequestIdHeader, HeaderKeys.RequestIdHeader })
            {
                if (context.ResponseData.IsHeaderPresent(header)) return context.ResponseData.GetHeaderValue(header);
            }
            return null;
        }

        public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context,
            Exception innerException, HttpStatusCode statusCode)
        {
            var error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
            error.InnerException = innerException;
            error.StatusCode = statusCode;
            return CloudFrontServiceException.FromErrorResponse(error);
        }

        private static InvalidationList ReadInvalidationList(XmlUnmarshallerContext context)
        {
            var list = new InvalidationList();
            var listDepth = context.CurrentDepth;
            while (context.ReadAtDepth(listDepth))
            {
                if (!context.IsStartElement) continue;
                switch (context.CurrentElementName)
                {
                    case "Marker": list.Marker = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "NextMarker": list.NextMarker = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "MaxItems": list.MaxItems = NullableIntUnmarshaller.Instance.Unmarshall(context); break;
                    case "IsTruncated": list.IsTruncated = NullableBoolUnmarshaller.Instance.Unmarshall(context); break;
                    case "Quantity": list.Quantity = NullableIntUnmarshaller.Instance.Unmarshall(context); break;
                    case "InvalidationSummary":
                        (list.Items ??= new List<InvalidationSummary>()).Add(ReadSummary(context));
                        break;
                }
            }
            return list;
        }

        private static InvalidationSummary ReadSummary(XmlUnmarshallerContext context)
        {
            var summary = new InvalidationSummary();
            var summaryDepth = context.CurrentDepth;
            while (context.ReadAtDepth(summaryDepth))
            {
                if (!context.IsStartElement) continue;
                switch (context.CurrentElementName)
                {
                    case "Id": summary.Id = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "Status": summary.Status = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "CreateTime":
                        summary.CreateTime = AsUtc(DateTimeUnmarshaller.Instance.Unmarshall(context));
                        break;
                }
            }
            return summary;
        }

        // CloudFront writes UTC ("...Z"); keep it UTC whatever Kind the SDK's parser hands back.
        private static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Local
            ? value.ToUniversalTime()
            : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
