using System.Xml;
using Amazon.Runtime;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Input of GetInvalidation, or of GetInvalidationForDistributionTenant for a tenant's invalidation.</summary>
    internal sealed class GetInvalidationRequest : CloudFrontRequest
    {
        internal GetInvalidationRequest(InvalidationTarget target) => Target = target;

        public InvalidationTarget Target { get; }

        internal override string OperationName => Target.Owner.OperationName("GetInvalidation");
    }

    /// <summary>Output of GetInvalidation and of its tenant form.</summary>
    internal sealed class GetInvalidationResponse : AmazonWebServiceResponse
    {
        /// <summary>A <see cref="DistributionInvalidation"/> or a <see cref="DistributionTenantInvalidation"/>, as the owner is.</summary>
        public Invalidation? Invalidation { get; set; }
    }

    /// <summary>
    /// GetInvalidation: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation/{Id}</c>, and for a tenant
    /// <c>GET /2020-05-31/distribution-tenant/{DistributionTenantId}/invalidation/{Id}</c> (the same body). The wire
    /// shapes mirror AWSSDK.CloudFront's (Invalidation.InvalidationBatch.Paths.Items), so scripts written against
    /// AWS.Tools' Get-CFInvalidation read the same member paths.
    /// </summary>
    internal sealed class GetInvalidationOperation : RestXmlOperation<GetInvalidationRequest, GetInvalidationResponse>
    {
        internal static readonly GetInvalidationOperation Instance = new GetInvalidationOperation();

        private GetInvalidationOperation() : base("GET", "Invalidation", MaxBodyBytes) { }

        /// <summary>An invalidation holds at most 3,000 paths of at most 4,000 characters each: 12 MB, with room for escaping.</summary>
        internal const long MaxBodyBytes = 32L * 1024 * 1024;

        protected override void Bind(GetInvalidationRequest request, HttpRequestValues values)
        {
            values.Under(request.Target.Owner, "invalidation/{Id}");
            values.Path("Id", request.Target.Id, IdRule.Invalidation);
        }

        protected override void ReadResult(XmlReader reader, GetInvalidationRequest request, GetInvalidationResponse response) =>
            response.Invalidation = ReadInvalidation(reader, Invalidation.Of(request.Target.Owner));

        /// <summary>
        /// The Invalidation element, which CreateInvalidation answers too. Each element comes once: a second Items,
        /// Quantity, Status or CallerReference would silently replace the first, and the paths counted or shown with it.
        /// </summary>
        internal static Invalidation ReadInvalidation(XmlReader reader, Invalidation invalidation) =>
            ReadChildElements(reader, invalidation, static (xml, name, read) =>
            {
                switch (name)
                {
                    case "Id": read.Id = Once(xml, read.Id, ReadString); break;
                    case "Status": read.Status = Once(xml, read.Status, ReadString); break;
                    case "CreateTime": read.CreateTime = Once(xml, read.CreateTime, ReadUtcTime); break;
                    case "InvalidationBatch": read.InvalidationBatch = Once(xml, read.InvalidationBatch, ReadBatch); break;
                }
            });

        private static InvalidationBatch ReadBatch(XmlReader reader) =>
            ReadChildElements(reader, new InvalidationBatch(), static (xml, name, batch) =>
            {
                switch (name)
                {
                    case "Paths": batch.Paths = Once(xml, batch.Paths, ReadPaths); break;
                    case "CallerReference": batch.CallerReference = Once(xml, batch.CallerReference, ReadString); break;
                }
            });

        private static Paths ReadPaths(XmlReader reader) =>
            ReadChildElements(reader, new Paths(), static (xml, name, paths) =>
            {
                switch (name)
                {
                    case "Quantity": paths.Quantity = Once(xml, paths.Quantity, ReadInt); break;
                    case "Items": paths.Items = Once(xml, paths.Items, reader => ReadItems(reader, "Path", ReadString)); break;
                }
            });
    }
}
