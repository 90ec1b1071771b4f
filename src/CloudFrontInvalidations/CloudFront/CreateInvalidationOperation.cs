using System.Collections.Generic;
using System.Globalization;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>Input of CreateInvalidation, or of CreateInvalidationForDistributionTenant for a tenant: one InvalidationBatch.</summary>
    internal sealed class CreateInvalidationRequest : CloudFrontRequest
    {
        internal CreateInvalidationRequest(InvalidationOwner owner, string callerReference, IReadOnlyList<string> paths)
        {
            Owner = owner;
            CallerReference = callerReference;
            Paths = paths;
        }

        public InvalidationOwner Owner { get; }
        public string CallerReference { get; }
        /// <summary>As they go on the wire: already encoded.</summary>
        public IReadOnlyList<string> Paths { get; }

        internal override string OperationName => Owner.OperationName("CreateInvalidation");
    }

    /// <summary>Output of CreateInvalidation and of its tenant form.</summary>
    internal sealed class CreateInvalidationResponse : AmazonWebServiceResponse
    {
        /// <summary>A <see cref="DistributionInvalidation"/> or a <see cref="DistributionTenantInvalidation"/>, with its Location.</summary>
        public Invalidation? Invalidation { get; set; }
        public string? Location { get; set; }
    }

    /// <summary>
    /// CreateInvalidation: <c>POST /2020-05-31/distribution/{DistributionId}/invalidation</c>, and for a tenant
    /// <c>POST /2020-05-31/distribution-tenant/{Id}/invalidation</c>, with an InvalidationBatch body; answered 201 with
    /// Location and the Invalidation. The SDK's retries send the same bytes, so the same CallerReference.
    /// </summary>
    internal sealed class CreateInvalidationOperation : RestXmlOperation<CreateInvalidationRequest, CreateInvalidationResponse>
    {
        internal static readonly CreateInvalidationOperation Instance = new CreateInvalidationOperation();

        // The answer is the invalidation GetInvalidation answers with, so it is bounded alike.
        private CreateInvalidationOperation() : base("POST", "Invalidation", GetInvalidationOperation.MaxBodyBytes) { }

        protected override void Bind(CreateInvalidationRequest request, HttpRequestValues values)
        {
            values.Under(request.Owner, "invalidation");
            values.XmlBody("InvalidationBatch", xml =>
            {
                xml.WriteStartElement("Paths");
                xml.WriteElementString("Quantity", request.Paths.Count.ToString(CultureInfo.InvariantCulture));
                xml.WriteStartElement("Items");
                foreach (var path in request.Paths) xml.WriteElementString("Path", path);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteElementString("CallerReference", request.CallerReference);
            });
        }

        protected override void ReadHeaders(IWebResponseData answer, CreateInvalidationResponse response)
        {
            // Written to the output as it is (the Location property), so made fit to show as any text from the server.
            if (answer.IsHeaderPresent("Location")) response.Location = ResponseText.Clean(answer.GetHeaderValue("Location"));
        }

        protected override void ReadResult(XmlReader reader, CreateInvalidationRequest request, CreateInvalidationResponse response)
        {
            var invalidation = GetInvalidationOperation.ReadInvalidation(reader, Invalidation.Of(request.Owner));
            invalidation.Location = response.Location;
            response.Invalidation = invalidation;
        }
    }
}
