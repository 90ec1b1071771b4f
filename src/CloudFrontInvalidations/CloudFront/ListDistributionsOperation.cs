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

        protected override void ReadResult(XmlReader reader, ListDistributionsResponse response) =>
            response.DistributionList = ReadChildElements(reader, new DistributionList(), static (xml, name, list) =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = ReadString(xml); break;
                    case "NextMarker": list.NextMarker = ReadString(xml); break;
                    case "IsTruncated": list.IsTruncated = ReadBool(xml); break;
                    case "Items": list.Items = ReadItems(xml, "DistributionSummary", ReadSummary); break;
                }
            });

        // A DistributionSummary nests Origins, Aliases and more; only its direct children and the aliases are
        // read, the rest is skipped unread.
        private static DistributionSummary ReadSummary(XmlReader reader) =>
            ReadChildElements(reader, new DistributionSummary(), static (xml, name, summary) =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(xml); break;
                    case "DomainName": summary.DomainName = ReadString(xml); break;
                    // Aliases holds Quantity and, when there are any, Items of CNAME.
                    case "Aliases":
                        ReadChildElements(xml, summary, static (aliases, child, target) =>
                        {
                            if (child == "Items") target.Aliases = ReadItems(aliases, "CNAME", ReadString);
                        });
                        break;
                    case "Comment": summary.Comment = ReadString(xml); break;
                }
            });
    }
}
