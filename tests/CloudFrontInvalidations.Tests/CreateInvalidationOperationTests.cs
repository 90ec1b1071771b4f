using System;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>CreateInvalidation and its tenant form on the wire: one operation whose URI follows from the owner.</summary>
    public sealed class CreateInvalidationOperationTests : IDisposable
    {
        private const string Created = "<?xml version=\"1.0\"?><Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">"
            + "<Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status><CreateTime>2026-12-01T22:30:05.123Z</CreateTime>"
            + "<InvalidationBatch><Paths><Quantity>2</Quantity><Items><Path>/a%20b</Path><Path>/img/*</Path></Items></Paths>"
            + "<CallerReference>ref &amp; 1</CallerReference></InvalidationBatch></Invalidation>";

        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;

        public CreateInvalidationOperationTests() => _client = _server.CreateClient();

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        [Fact]
        public async Task A_Location_reaches_the_output_cleaned_as_any_text_from_the_server()
        {
            using var server = new HostileHttpServer((_, stream, _) =>
                HostileHttpServer.WriteAsync(stream, 201, Created, "Location: https://example.com/invalidation/I2J0I21PCUYOIK?key=AKIAIOSFODNN7EXAMPLE\r\n"));
            using var client = server.CreateClient();

            var response = await client.SendAsync(CreateInvalidationOperation.Instance,
                new CreateInvalidationRequest(InvalidationOwner.Distribution("E1"), "ref", new[] { "/a" }));

            Assert.Equal("https://example.com/invalidation/I2J0I21PCUYOIK?key=[hidden]", response.Location);
            Assert.Equal(response.Location, response.Invalidation!.Location);
        }

        [Fact]
        public async Task Posts_the_InvalidationBatch_and_reads_the_invalidation_and_its_Location()
        {
            _server.Enqueue(201, Created, location: "https://cloudfront.amazonaws.com/2020-05-31/distribution/E1/invalidation/I2J0I21PCUYOIK");

            var response = await _client.SendAsync(CreateInvalidationOperation.Instance, 
                new CreateInvalidationRequest(InvalidationOwner.Distribution("E1"), "ref & 1", new[] { "/a%20b", "/img/*" }));

            var sent = Assert.Single(_server.Requests);
            Assert.Equal("POST", sent.Method);
            Assert.Equal("/2020-05-31/distribution/E1/invalidation", sent.Path);
            Assert.Equal("application/xml", sent.ContentType);
            var batch = XDocument.Parse(sent.Body).Root!;
            XNamespace ns = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
            Assert.Equal(ns + "InvalidationBatch", batch.Name);
            Assert.Equal("2", batch.Element(ns + "Paths")!.Element(ns + "Quantity")!.Value);
            Assert.Equal(new[] { "/a%20b", "/img/*" }, batch.Element(ns + "Paths")!.Element(ns + "Items")!.Elements(ns + "Path").Select(p => p.Value));
            Assert.Equal("ref & 1", batch.Element(ns + "CallerReference")!.Value);

            var invalidation = Assert.IsType<DistributionInvalidation>(response.Invalidation);
            Assert.Equal("I2J0I21PCUYOIK", invalidation.Id);
            Assert.Equal("InProgress", invalidation.Status);
            Assert.Equal(new[] { "/a%20b", "/img/*" }, invalidation.Paths);
            Assert.Equal("ref & 1", invalidation.CallerReference);
            Assert.Equal(response.Location, invalidation.Location);
            Assert.Equal("https://cloudfront.amazonaws.com/2020-05-31/distribution/E1/invalidation/I2J0I21PCUYOIK", invalidation.Location);
            // AWS.Tools' member paths: .Invalidation.Id without the Location repeated.
            Assert.Equal("I2J0I21PCUYOIK", invalidation.Invalidation!.Id);
            Assert.Null(invalidation.Invalidation.Location);
            Assert.Null(invalidation.Invalidation.Invalidation);
        }

        [Fact]
        public async Task The_tenant_form_posts_to_the_tenant_path_and_reads_a_tenant_invalidation()
        {
            _server.Enqueue(201, Created, location: "https://cloudfront.amazonaws.com/2020-05-31/distribution-tenant/dt_1/invalidation/I2J0I21PCUYOIK");

            var response = await _client.SendAsync(CreateInvalidationOperation.Instance, 
                new CreateInvalidationRequest(InvalidationOwner.Tenant("dt_1"), "r", new[] { "/a" }));

            Assert.Equal("/2020-05-31/distribution-tenant/dt_1/invalidation", Assert.Single(_server.Requests).Path);
            Assert.IsType<DistributionTenantInvalidation>(response.Invalidation);
        }

        [Fact]
        public async Task An_answer_lost_to_the_attempt_timeout_is_asked_again_with_the_same_CallerReference()
        {
            // The first attempt is carried out by the service and its answer never arrives; the SDK's retry sends the same
            // batch, which CloudFront answers with the invalidation already created instead of creating a second.
            _server.EnqueueSilence();
            _server.Enqueue(201, Created, location: "https://cloudfront.amazonaws.com/2020-05-31/distribution/E1/invalidation/I2J0I21PCUYOIK");
            var config = ClientFactory.CreateConfig(new ClientSettings { EndpointUrl = _server.Url, Timeout = TimeSpan.FromSeconds(1) });
            config.MaxErrorRetry = 1;
            using var client = new CloudFrontClient(new BasicAWSCredentials("AKIDCLIENTTEST", "not-a-real-secret"), config);

            var response = await client.SendAsync(CreateInvalidationOperation.Instance,
                new CreateInvalidationRequest(InvalidationOwner.Distribution("E1"), "ref & 1", new[] { "/a%20b", "/img/*" }));

            var sent = _server.Requests.ToArray();
            Assert.Equal(2, sent.Length);
            Assert.All(sent, request => Assert.Equal("/2020-05-31/distribution/E1/invalidation", request.Path));
            Assert.Equal(sent[0].Body, sent[1].Body);
            Assert.Contains("<CallerReference>ref &amp; 1</CallerReference>", sent[1].Body);
            Assert.Equal("I2J0I21PCUYOIK", response.Invalidation!.Id);
        }

        [Theory]
        [InlineData(400, "TooManyInvalidationsInProgress", typeof(TooManyInvalidationsInProgressException))]
        [InlineData(404, "NoSuchDistribution", typeof(NoSuchDistributionException))]
        [InlineData(404, "EntityNotFound", typeof(EntityNotFoundException))]
        [InlineData(400, "InvalidArgument", typeof(InvalidArgumentException))]
        [InlineData(413, "BatchTooLarge", typeof(CloudFrontServiceException))]
        public async Task Error_answers_become_typed_exceptions(int status, string code, Type expected)
        {
            _server.Enqueue(status, "<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type>"
                + $"<Code>{code}</Code><Message>m</Message></Error><RequestId>r1</RequestId></ErrorResponse>");

            var failure = await Assert.ThrowsAnyAsync<CloudFrontServiceException>(() => _client.SendAsync(CreateInvalidationOperation.Instance, 
                new CreateInvalidationRequest(InvalidationOwner.Distribution("E1"), "r", new[] { "/a" })));

            Assert.IsType(expected, failure);
            Assert.Equal(code, failure.ErrorCode);
        }
    }
}
