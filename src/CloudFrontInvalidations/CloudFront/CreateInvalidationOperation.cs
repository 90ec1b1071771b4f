using System.IO;
using System.Text;
using System.Xml;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// CreateInvalidation: <c>POST /2020-05-31/distribution/{Id}/invalidation</c>, and its distribution-tenant form
    /// CreateInvalidationForDistributionTenant: <c>POST /2020-05-31/distribution-tenant/{Id}/invalidation</c>; both send an
    /// InvalidationBatch and answer 201 with Location and the Invalidation. One instance per kind of owner.
    /// </summary>
    internal sealed class CreateInvalidationOperation : RestXmlOperation<CreateInvalidationRequest, CreateInvalidationResponse>
    {
        private static readonly CreateInvalidationOperation ForDistribution = new CreateInvalidationOperation(isTenant: false);
        private static readonly CreateInvalidationOperation ForTenant = new CreateInvalidationOperation(isTenant: true);
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        private readonly bool _isTenant;

        private CreateInvalidationOperation(bool isTenant)
            : base((isTenant ? "distribution-tenant" : "distribution") + "/{Id}/invalidation", "Invalidation") =>
            _isTenant = isTenant;

        internal static CreateInvalidationOperation For(InvalidationOwner owner) => owner.IsTenant ? ForTenant : ForDistribution;

        protected override void Bind(CreateInvalidationRequest request, HttpRequestValues values) => values.Path("Id", request.Owner.Id);

        protected override byte[] Body(CreateInvalidationRequest request)
        {
            using var buffer = new MemoryStream();
            using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = Utf8 }))
            {
                xml.WriteStartElement("InvalidationBatch", CloudFrontConfig.XmlNamespace);
                xml.WriteStartElement("Paths");
                xml.WriteElementString("Quantity", request.Paths.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
                xml.WriteStartElement("Items");
                foreach (var path in request.Paths) xml.WriteElementString("Path", path);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteElementString("CallerReference", request.CallerReference);
                xml.WriteEndElement();
            }
            return buffer.ToArray();
        }

        protected override void ReadHeaders(IWebResponseData answer, CreateInvalidationResponse response)
        {
            if (answer.IsHeaderPresent("Location")) response.Location = answer.GetHeaderValue("Location");
        }

        protected override void ReadResult(XmlReader reader, CreateInvalidationResponse response) =>
            response.Invalidation = _isTenant
                ? GetInvalidationOperation.ReadInvalidation(reader, new DistributionTenantInvalidation())
                : GetInvalidationOperation.ReadInvalidation(reader, new DistributionInvalidation());
    }
}
