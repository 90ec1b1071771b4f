using System.Collections.Generic;
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

        private static DistributionList ReadDistributionList(XmlUnmarshallerContext context)
        {
            var list = new DistributionList();
            ForEachElementWithin(context, name =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "NextMarker": list.NextMarker = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "IsTruncated": list.IsTruncated = NullableBoolUnmarshaller.Instance.Unmarshall(context); break;
                    case "DistributionSummary":
                        (list.Items ??= new List<DistributionSummary>()).Add(ReadSummary(context));
                        break;
                }
            });
            return list;
        }

        // A DistributionSummary nests Origins, Aliases and more; only its direct children are read.
        private static DistributionSummary ReadSummary(XmlUnmarshallerContext context)
        {
            var summary = new DistributionSummary();
            var childDepth = context.CurrentDepth + 1;
            ForEachElementWithin(context, name =>
            {
                if (context.CurrentDepth != childDepth) return;
                switch (name)
                {
                    case "Id": summary.Id = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "DomainName": summary.DomainName = StringUnmarshaller.Instance.Unmarshall(context); break;
                    case "Comment": summary.Comment = StringUnmarshaller.Instance.Unmarshall(context); break;
                }
            });
            return summary;
        }
    }
}
