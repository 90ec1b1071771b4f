using System.Linq;
using System.Xml;
using Amazon.Runtime;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Input of ListInvalidations, or of ListInvalidationsForDistributionTenant for a tenant.</summary>
    internal sealed class ListInvalidationsRequest : CloudFrontRequest
    {
        internal ListInvalidationsRequest(InvalidationOwner owner) => Owner = owner;

        public InvalidationOwner Owner { get; }
        public string? Marker { get; set; }
        /// <summary>A string in the distribution form's model, an integer in the tenant form's: the same on the wire.</summary>
        public int? MaxItems { get; set; }

        internal override string OperationName => Owner.OperationName("ListInvalidations");
    }

    /// <summary>
    /// Output of ListInvalidations and of its tenant form (the same shape), with AWSSDK.CloudFront's member names, so
    /// scripts written against AWS.Tools read the same paths (-Select '*').
    /// </summary>
    public sealed class ListInvalidationsResponse : AmazonWebServiceResponse
    {
        public InvalidationList? InvalidationList { get; set; }
    }

    /// <summary>
    /// ListInvalidations: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation?Marker&amp;MaxItems</c>, and
    /// for a tenant <c>GET /2020-05-31/distribution-tenant/{Id}/invalidation?Marker&amp;MaxItems</c>. Each item carries
    /// its owner's id, which is not on the wire, so the pipeline can tell distributions and tenants apart.
    /// </summary>
    internal sealed class ListInvalidationsOperation : RestXmlOperation<ListInvalidationsRequest, ListInvalidationsResponse>
    {
        internal static readonly ListInvalidationsOperation Instance = new ListInvalidationsOperation();

        private ListInvalidationsOperation() : base("GET", "InvalidationList", MaxPageBytes) { }

        /// <summary>A page holds at most 100 summaries of about 200 bytes each.</summary>
        internal const long MaxPageBytes = 1024 * 1024;

        protected override void Bind(ListInvalidationsRequest request, HttpRequestValues values)
        {
            values.Under(request.Owner, "invalidation");
            values.Query("Marker", request.Marker);
            values.Query("MaxItems", request.MaxItems);
        }

        protected override void ReadResult(XmlReader reader, ListInvalidationsRequest request, ListInvalidationsResponse response)
        {
            var list = ReadChildElements(reader, new InvalidationList(), static (xml, name, list) =>
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
            foreach (var item in list.Items ?? Enumerable.Empty<InvalidationSummary>())
            {
                if (request.Owner.IsTenant) item.DistributionTenantId = request.Owner.Id;
                else item.DistributionId = request.Owner.Id;
            }
            response.InvalidationList = list;
        }

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
