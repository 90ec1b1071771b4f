using System.Xml;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>GetInvalidation: <c>GET /2020-05-31/distribution/{DistributionId}/invalidation/{Id}</c>.</summary>
    internal sealed class GetInvalidationOperation : RestXmlOperation<GetInvalidationRequest, GetInvalidationResponse>
    {
        internal static readonly GetInvalidationOperation Instance = new GetInvalidationOperation();

        private GetInvalidationOperation() : base("distribution/{DistributionId}/invalidation/{Id}", "Invalidation") { }

        protected override void Bind(GetInvalidationRequest request, HttpRequestValues values)
        {
            values.Path("DistributionId", request.DistributionId);
            values.Path("Id", request.Id);
        }

        protected override void ReadResult(XmlReader reader, GetInvalidationResponse response) =>
            response.Invalidation = ReadInvalidation(reader, new DistributionInvalidation());

        /// <summary>The Invalidation element, also the result of the distribution-tenant form.</summary>
        internal static T ReadInvalidation<T>(XmlReader reader, T invalidation) where T : Invalidation
        {
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Id": invalidation.Id = ReadString(reader); break;
                    case "Status": invalidation.Status = ReadString(reader); break;
                    case "CreateTime": invalidation.CreateTime = ReadUtcTime(reader); break;
                    case "InvalidationBatch": invalidation.InvalidationBatch = ReadBatch(reader); break;
                }
            });
            return invalidation;
        }

        private static InvalidationBatch ReadBatch(XmlReader reader)
        {
            var batch = new InvalidationBatch();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Paths": batch.Paths = ReadPaths(reader); break;
                    case "CallerReference": batch.CallerReference = ReadString(reader); break;
                }
            });
            return batch;
        }

        private static Paths ReadPaths(XmlReader reader)
        {
            var paths = new Paths();
            ForEachChildElement(reader, name =>
            {
                switch (name)
                {
                    case "Quantity": paths.Quantity = ReadInt(reader); break;
                    case "Items": paths.Items = ReadItems(reader, "Path", ReadString); break;
                }
            });
            return paths;
        }
    }
}
