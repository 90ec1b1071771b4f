using System.Xml;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// GetInvalidationForDistributionTenant:
    /// <c>GET /2020-05-31/distribution-tenant/{DistributionTenantId}/invalidation/{Id}</c>; the body is GetInvalidation's.
    /// </summary>
    internal sealed class GetInvalidationForDistributionTenantOperation
        : RestXmlOperation<GetInvalidationForDistributionTenantRequest, GetInvalidationForDistributionTenantResponse>
    {
        internal static readonly GetInvalidationForDistributionTenantOperation Instance = new GetInvalidationForDistributionTenantOperation();

        private GetInvalidationForDistributionTenantOperation()
            : base("distribution-tenant/{DistributionTenantId}/invalidation/{Id}", "Invalidation", GetInvalidationOperation.MaxBodyBytes) { }

        protected override void Bind(GetInvalidationForDistributionTenantRequest request, HttpRequestValues values)
        {
            values.Path("DistributionTenantId", request.DistributionTenantId);
            values.Path("Id", request.Id);
        }

        protected override void ReadResult(XmlReader reader, GetInvalidationForDistributionTenantResponse response) =>
            response.Invalidation = GetInvalidationOperation.ReadInvalidation(reader, new DistributionTenantInvalidation());
    }
}
