using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListInvalidations: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation?Marker&amp;MaxItems</c>.</summary>
    internal sealed class ListInvalidationsOperation : RestXmlOperation<ListInvalidationsRequest, ListInvalidationsResponse>
    {
        internal static readonly ListInvalidationsOperation Instance = new ListInvalidationsOperation();

        private ListInvalidationsOperation() : base("distribution/{DistributionId}/invalidation", "InvalidationList", MaxPageBytes) { }

        /// <summary>A page holds at most 100 summaries of about 200 bytes each.</summary>
        internal const long MaxPageBytes = 1024 * 1024;

        protected override void Bind(ListInvalidationsRequest request, HttpRequestValues values)
        {
            values.Path("DistributionId", request.DistributionId);
            values.Query("Marker", request.Marker);
            values.Query("MaxItems", request.MaxItems);
        }

        protected override void ReadResult(XmlReader reader, ListInvalidationsResponse response) =>
            response.InvalidationList = ReadInvalidationList(reader);

        /// <summary>The InvalidationList element, also the result of the distribution-tenant form.</summary>
        internal static InvalidationList ReadInvalidationList(XmlReader reader) =>
            ReadChildElements(reader, new InvalidationList(), static (xml, name, list) =>
            {
                switch (name)
                {
                    case "Marker": list.Marker = Once(xml, list.Marker, ReadString); break;
                    case "NextMarker": list.NextMarker = Once(xml, list.NextMarker, ReadString); break;
                    case "MaxItems": list.MaxItems = Once(xml, list.MaxItems, ReadInt); break;
                    case "IsTruncated": list.IsTruncated = Once(xml, list.IsTruncated, ReadBool); break;
                    case "Quantity": list.Quantity = Once(xml, list.Quantity, ReadInt); break;
                    case "Items": list.Items = Once(xml, list.Items, reader => ReadItems(reader, "InvalidationSummary", ReadSummary)); break;
                }
            });

        private static InvalidationSummary ReadSummary(XmlReader reader) =>
            ReadChildElements(reader, new InvalidationSummary(), static (xml, name, summary) =>
            {
                switch (name)
                {
                    case "Id": summary.Id = ReadString(xml); break;
                    case "Status": summary.Status = ReadString(xml); break;
                    case "CreateTime": summary.CreateTime = ReadUtcTime(xml); break;
                }
            });
    }
}
