using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Reads the InvalidationList XML as it streams in (no DOM).</summary>
    internal sealed class ListInvalidationsUnmarshaller : CloudFrontXmlUnmarshaller
    {
        internal static readonly ListInvalidationsUnmarshaller Instance = new ListInvalidationsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context) =>
            new ListInvalidationsResponse { InvalidationList = ReadDocument(context, "InvalidationList", ReadInvalidationList) };

        private static InvalidationList ReadInvalidationList(XmlReader reader)
        {
            var list = new InvalidationList();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = ReadString(reader); break;
                    case "NextMarker": list.NextMarker = ReadString(reader); break;
                    case "MaxItems": list.MaxItems = ReadInt(reader); break;
                    case "IsTruncated": list.IsTruncated = ReadBool(reader); break;
                    case "Quantity": list.Quantity = ReadInt(reader); break;
                    case "Items": list.Items = ReadItems(reader, "InvalidationSummary", ReadSummary); break;
                }
            });
            return list;
        }

        private static InvalidationSummary ReadSummary(XmlReader reader)
        {
            var summary = new InvalidationSummary();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(reader); break;
                    case "Status": summary.Status = ReadString(reader); break;
                    case "CreateTime": summary.CreateTime = ReadUtcTime(reader); break;
                }
            });
            return summary;
        }
    }
}
