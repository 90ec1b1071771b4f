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
        internal static InvalidationList ReadInvalidationList(XmlReader reader)
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
