using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>ListInvalidations: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation?Marker&amp;MaxItems</c>.</summary>
    internal sealed class ListInvalidationsOperation : RestXmlOperation<ListInvalidationsRequest, ListInvalidationsResponse>
    {
        internal static readonly ListInvalidationsOperation Instance = new ListInvalidationsOperation();

        private ListInvalidationsOperation() : base("distribution/{DistributionId}/invalidation", "InvalidationList") { }

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
                    case "Marker": list.Marker = ReadString(xml); break;
                    case "NextMarker": list.NextMarker = ReadString(xml); break;
                    case "MaxItems": list.MaxItems = ReadInt(xml); break;
                    case "IsTruncated": list.IsTruncated = ReadBool(xml); break;
                    case "Quantity": list.Quantity = ReadInt(xml); break;
                    case "Items": list.Items = ReadItems(xml, "InvalidationSummary", ReadSummary); break;
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
