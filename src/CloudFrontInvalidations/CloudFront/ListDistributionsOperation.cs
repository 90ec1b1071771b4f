using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListDistributions: <c>GET /2020-05-31/distribution?Marker&amp;MaxItems</c>, keeping what the module uses.</summary>
    internal sealed class ListDistributionsOperation : RestXmlOperation<ListDistributionsRequest, ListDistributionsResponse>
    {
        internal static readonly ListDistributionsOperation Instance = new ListDistributionsOperation();

        private ListDistributionsOperation() : base("distribution", "DistributionList", MaxPageBytes) { }

        /// <summary>
        /// A page holds at most 100 summaries, each with the distribution's origins, cache behaviours and aliases: tens of
        /// kilobytes at the service's limits.
        /// </summary>
        internal const long MaxPageBytes = 32L * 1024 * 1024;

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
                    case "Marker": list.Marker = Once(xml, list.Marker, ReadString); break;
                    case "NextMarker": list.NextMarker = Once(xml, list.NextMarker, ReadString); break;
                    case "IsTruncated": list.IsTruncated = Once(xml, list.IsTruncated, ReadBool); break;
                    case "Items": list.Items = Once(xml, list.Items, reader => ReadItems(reader, "DistributionSummary", ReadSummary)); break;
                }
            });

        // A DistributionSummary nests Origins, Aliases and more; only its direct children are read, the
        // rest is skipped unread.
        private static DistributionSummary ReadSummary(XmlReader reader) =>
            ReadChildElements(reader, new DistributionSummary(), static (xml, name, summary) =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(xml); break;
                    case "DomainName": summary.DomainName = ReadString(xml); break;
                    case "Comment": summary.Comment = ReadString(xml); break;
                }
            });
    }
}
