using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>GetInvalidation: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation/{Id}</c>.</summary>
    internal sealed class GetInvalidationOperation : RestXmlOperation<GetInvalidationRequest, GetInvalidationResponse>
    {
        internal static readonly GetInvalidationOperation Instance = new GetInvalidationOperation();

        private GetInvalidationOperation() : base("distribution/{DistributionId}/invalidation/{Id}", "Invalidation", MaxBodyBytes) { }

        /// <summary>An invalidation holds at most 3,000 paths of at most 4,000 characters each: 12 MB, with room for escaping.</summary>
        internal const long MaxBodyBytes = 32L * 1024 * 1024;

        protected override void Bind(GetInvalidationRequest request, HttpRequestValues values)
        {
            values.Path("DistributionId", request.DistributionId);
            values.Path("Id", request.Id);
        }

        protected override void ReadResult(XmlReader reader, GetInvalidationResponse response) =>
            response.Invalidation = ReadInvalidation(reader, new DistributionInvalidation());

        /// <summary>The Invalidation element, also the result of the distribution-tenant form.</summary>
        internal static T ReadInvalidation<T>(XmlReader reader, T invalidation) where T : Invalidation =>
            ReadChildElements(reader, invalidation, static (xml, name, read) =>
            {
                switch (name)
                {
                    case "Id": read.Id = ReadString(xml); break;
                    case "Status": read.Status = ReadString(xml); break;
                    case "CreateTime": read.CreateTime = ReadUtcTime(xml); break;
                    case "InvalidationBatch": read.InvalidationBatch = ReadBatch(xml); break;
                }
            });

        private static InvalidationBatch ReadBatch(XmlReader reader) =>
            ReadChildElements(reader, new InvalidationBatch(), static (xml, name, batch) =>
            {
                switch (name)
                {
                    case "Paths": batch.Paths = ReadPaths(xml); break;
                    case "CallerReference": batch.CallerReference = ReadString(xml); break;
                }
            });

        private static Paths ReadPaths(XmlReader reader) =>
            ReadChildElements(reader, new Paths(), static (xml, name, paths) =>
            {
                switch (name)
                {
                    case "Quantity": paths.Quantity = ReadInt(xml); break;
                    case "Items": paths.Items = ReadItems(xml, "Path", ReadString); break;
                }
            });
    }
}
