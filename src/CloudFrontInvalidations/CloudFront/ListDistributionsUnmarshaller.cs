using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Reads the DistributionList XML as it streams in, keeping only what completion shows.</summary>
    internal sealed class ListDistributionsUnmarshaller : CloudFrontXmlUnmarshaller
    {
        internal static readonly ListDistributionsUnmarshaller Instance = new ListDistributionsUnmarshaller();

        public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context) =>
            new ListDistributionsResponse { DistributionList = ReadDocument(context, "DistributionList", ReadDistributionList) };

        private static DistributionList ReadDistributionList(XmlReader reader)
        {
            var list = new DistributionList();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = ReadString(reader); break;
                    case "NextMarker": list.NextMarker = ReadString(reader); break;
                    case "IsTruncated": list.IsTruncated = ReadBool(reader); break;
                    case "Items": list.Items = ReadItems(reader, "DistributionSummary", ReadSummary); break;
                }
            });
            return list;
        }

        // A DistributionSummary nests Origins, Aliases and more; only its direct children are read, the
        // rest is skipped unread.
        private static DistributionSummary ReadSummary(XmlReader reader)
        {
            var summary = new DistributionSummary();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(reader); break;
                    case "DomainName": summary.DomainName = ReadString(reader); break;
                    case "Comment": summary.Comment = ReadString(reader); break;
                }
            });
            return summary;
        }
    }
}
