using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Reads the InvalidationList XML as it streams in (the SDK's XmlReader-based context: no DOM),
    /// and turns error bodies into the typed CloudFront exceptions.
    /// </summary>
    internal sealed class ListInvalidationsUnmarshaller : CloudFrontXmlUnmarshaller
    {
        internal static readonly ListInvalidationsUnmarshaller Instance = new ListInvalidationsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context) =>
            new ListInvalidationsResponse { InvalidationList = ReadDocument(context, "InvalidationList", ReadInvalidationList) };

        private static InvalidationList ReadInvalidationList(XmlUnmarshallerContext context)
        {
            var list = new InvalidationList();
            ForEachElementWithin(context, name =>
            {
                switch (name)
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
            });
            return list;
        }

        private static InvalidationSummary ReadSummary(XmlUnmarshallerContext context)
        {
            var summary = new InvalidationSummary();
            ForEachElementWithin(context, name =>
            {
                switch (name)
                {
                    case "Id": summary.Id = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "Status": summary.Status = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "CreateTime":
                        summary.CreateTime = AsUtc(DateTimeUnmarshaller.Instance.Unmarshall(context));
                        break;
                }
            });
            return summary;
        }

        // CloudFront writes UTC ("...Z"); keep it UTC whatever Kind the SDK's parser hands back.
        private static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Local
            ? value.ToUniversalTime()
            : DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
