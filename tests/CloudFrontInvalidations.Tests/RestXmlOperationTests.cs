using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml;
using System.Xml.Linq;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using Xunit;
using static CloudFrontInvalidations.CloudFront.XmlElements;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The operation shape itself: a write (POST with an XML body, answered 201) is one subclass like a read.</summary>
    public sealed class RestXmlOperationTests : IDisposable
    {
        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;

        public RestXmlOperationTests() => _client = _server.CreateClient();

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        private sealed class EchoPathsRequest : CloudFrontRequest
        {
            internal EchoPathsRequest(InvalidationOwner owner, params string[] paths)
            {
                Owner = owner;
                Paths = paths;
            }

            internal InvalidationOwner Owner { get; }
            internal string[] Paths { get; }
            internal override string OperationName => Owner.OperationName("EchoPaths");
        }

        private sealed class EchoPathsResponse : AmazonWebServiceResponse
        {
            public Invalidation? Invalidation { get; set; }
        }

        /// <summary>Shaped as CreateInvalidation is: POST under the owner, an InvalidationBatch body, an Invalidation answer.</summary>
        private sealed class EchoPathsOperation : RestXmlOperation<EchoPathsRequest, EchoPathsResponse>
        {
            internal static readonly EchoPathsOperation Instance = new EchoPathsOperation();

            private EchoPathsOperation() : base("POST", "Invalidation", maxBodyBytes: 1024 * 1024) { }

            protected override void Bind(EchoPathsRequest request, HttpRequestValues values)
            {
                values.Under(request.Owner, "invalidation");
                values.XmlBody("InvalidationBatch", xml =>
                {
                    xml.WriteStartElement("Paths");
                    xml.WriteElementString("Quantity", request.Paths.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    xml.WriteStartElement("Items");
                    foreach (var path in request.Paths) xml.WriteElementString("Path", path);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    xml.WriteElementString("CallerReference", "ref-1");
                });
            }

            protected override void ReadResult(XmlReader reader, EchoPathsRequest request, EchoPathsResponse response) =>
                response.Invalidation = GetInvalidationOperation.ReadInvalidation(reader, Invalidation.Of(request.Owner));
        }

        [Theory]
        [InlineData(false, "/2020-05-31/distribution/E1/invalidation")]
        [InlineData(true, "/2020-05-31/distribution-tenant/E1/invalidation")]
        public async Task A_post_sends_its_xml_body_under_the_owner_and_reads_a_201_answer(bool tenant, string path)
        {
            _server.Enqueue(201, "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>I9</Id><Status>InProgress</Status>"
                + "<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/a&amp;b</Path></Items></Paths>"
                + "<CallerReference>ref-1</CallerReference></InvalidationBatch></Invalidation>");
            var owner = tenant ? InvalidationOwner.Tenant("E1") : InvalidationOwner.Distribution("E1");

            var invalidation = (await _client.SendAsync(EchoPathsOperation.Instance, new EchoPathsRequest(owner, "/a&b", "/c/*"))).Invalidation!;

            Assert.Equal("I9", invalidation.Id);
            Assert.Equal(new[] { "/a&b" }, invalidation.Paths);
            Assert.IsType(tenant ? typeof(DistributionTenantInvalidation) : typeof(DistributionInvalidation), invalidation);
            var sent = Assert.Single(_server.Requests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal(path, sent.Path);
            Assert.Equal("application/xml", sent.ContentType);
            XNamespace cloudFront = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
            var batch = XDocument.Parse(sent.Body).Root!;
            Assert.Equal(cloudFront + "InvalidationBatch", batch.Name);
            Assert.Equal(new[] { "/a&b", "/c/*" }, batch.Element(cloudFront + "Paths")!.Element(cloudFront + "Items")!.Elements(cloudFront + "Path").Select(p => p.Value));
            Assert.Equal("2", batch.Element(cloudFront + "Paths")!.Element(cloudFront + "Quantity")!.Value);
            Assert.Equal("ref-1", batch.Element(cloudFront + "CallerReference")!.Value);
        }
    }
}
