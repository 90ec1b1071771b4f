using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListDistributions: <c>GET /2020-05-31/distribution?Marker&amp;MaxItems</c>, keeping what the module uses.</summary>
    internal sealed class ListDistributionsOperation : RestXmlOperation<ListDistributionsRequest, ListDistributionsResponse>
    {
        internal static readonly ListDistributionsOperation Instance = new ListDistributionsOperation();

        private ListDistributionsOperation() : base("distribution", "DistributionList") { }

        protected override void Bind(ListDistributionsRequest request, HttpRequestValues values)
        {
            values.Query("Marker", request.Marker);
            values.Query("MaxItems", request.MaxItems);
        }

        protected override void ReadResult(XmlReader reader, ListDistributionsResponse response)
        {
            var list = response.DistributionList = new DistributionList();
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
