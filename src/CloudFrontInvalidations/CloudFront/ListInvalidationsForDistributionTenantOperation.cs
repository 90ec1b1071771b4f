using System.Xml;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// ListInvalidationsForDistributionTenant: <c>GET /2020-05-31/distribution-tenant/{Id}/invalidation?Marker&amp;MaxItems</c>.
    /// The result is ListInvalidations' InvalidationList, so it is read into the same response type.
    /// </summary>
    internal sealed class ListInvalidationsForDistributionTenantOperation
        : RestXmlOperation<ListInvalidationsForDistributionTenantRequest, ListInvalidationsResponse>
    {
        internal static readonly ListInvalidationsForDistributionTenantOperation Instance = new ListInvalidationsForDistributionTenantOperation();

        private ListInvalidationsForDistributionTenantOperation() : base("distribution-tenant/{Id}/invalidation", "InvalidationList", ListInvalidationsOperation.MaxPageBytes) { }

        protected override void Bind(ListInvalidationsForDistributionTenantRequest request, HttpRequestValues values)
        {
            values.Path("Id", request.Id);
            values.Query("Marker", request.Marker);
            values.Query("MaxItems", request.MaxItems);
        }

        protected override void ReadResult(XmlReader reader, ListInvalidationsResponse response) =>
            response.InvalidationList = ListInvalidationsOperation.ReadInvalidationList(reader);
    }
}
