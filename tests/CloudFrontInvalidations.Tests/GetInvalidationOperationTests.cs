using System;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class GetInvalidationOperationTests : IDisposable
    {
        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;

        public GetInvalidationOperationTests()
        {
            _client = _server.CreateClient();
        }

        private static GetInvalidationRequest Request(InvalidationOwner owner, string id) => new GetInvalidationRequest(new InvalidationTarget(owner, id));

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        [Fact]
        public async Task Reads_id_status_time_caller_reference_and_every_path_in_the_service_order()
        {
            _server.EnqueueSample(200, "invalidation.xml");

            var invalidation = (await _client.GetInvalidationAsync(Request(InvalidationOwner.Distribution("E1"), "I2J0I21PCUYOIK"))).Invalidation!;

            Assert.Equal("I2J0I21PCUYOIK", invalidation.Id);
            Assert.Equal("E1", Assert.IsType<DistributionInvalidation>(invalidation).DistributionId);
            Assert.Equal("InProgress", invalidation.Status);
            Assert.False(invalidation.IsCompleted);
            Assert.Equal(new DateTime(2024, 5, 1, 9, 30, 12, 345, DateTimeKind.Utc), invalidation.CreateTime);
            Assert.Equal(DateTimeKind.Utc, invalidation.CreateTime!.Value.Kind);
            var expected = new[]
            {
                "/docs/read me.txt", "/images/*", "#product-42", "/café/ménu.html", "/日本語/ページ.html", "/search?q=a&b=<c>&d=\"e\"'f'",
            };
            Assert.Equal(expected, invalidation.Paths);
            // AWS.Tools' member paths read the same values.
            Assert.Equal(expected, invalidation.InvalidationBatch!.Paths!.Items);
            Assert.Equal(6, invalidation.InvalidationBatch.Paths.Quantity);
            Assert.Equal("deploy-2024-05-01 & co", invalidation.CallerReference);
            Assert.Equal(invalidation.CallerReference, invalidation.InvalidationBatch.CallerReference);
            var sent = Assert.Single(_server.Requests);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/2020-05-31/distribution/E1/invalidation/I2J0I21PCUYOIK", sent.Path);
        }

        [Fact]
        public async Task Tenant_form_reads_the_same_body_from_the_tenant_path()
        {
            _server.EnqueueSample(200, "invalidation.xml");

            var invalidation = (await _client.GetInvalidationAsync(
                Request(InvalidationOwner.Tenant("dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB"), "I2J0I21PCUYOIK"))).Invalidation!;

            Assert.Equal(6, invalidation.Paths.Count);
            // The owner's id is not on the wire: the answer carries the one asked about, in the tenant's type.
            Assert.Equal("dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB", Assert.IsType<DistributionTenantInvalidation>(invalidation).DistributionTenantId);
            Assert.Equal("/2020-05-31/distribution-tenant/dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB/invalidation/I2J0I21PCUYOIK",
                Assert.Single(_server.Requests).Path);
        }

        [Theory]
        [InlineData("E1", "..")]
        [InlineData("E1", "I1/../../distribution")]
        [InlineData("E1", "I1?Marker=INJ")]
        [InlineData("E1", "I 1")]
        [InlineData("..", "I1")]
        [InlineData("E1\n", "I1")]
        public async Task An_id_outside_its_rule_is_refused_before_any_request(string distributionId, string invalidationId)
        {
            _server.EnqueueSample(200, "invalidation.xml");

            var refused = await Assert.ThrowsAsync<InvalidIdInResponseException>(() =>
                _client.GetInvalidationAsync(Request(InvalidationOwner.Distribution(distributionId), invalidationId)));

            Assert.Empty(_server.Requests);
            Assert.Matches(@"^The (distribution|invalidation) id '[^\n]*' is not valid \(an id is .*\): no request was made with it\.$", refused.Message);
        }

        [Fact]
        public async Task A_completed_batch_without_items_has_no_paths()
        {
            _server.Enqueue(200, "<Invalidation xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>I1</Id><Status>Completed</Status>"
                + "<CreateTime>2024-05-01T09:30:12Z</CreateTime><InvalidationBatch><Paths><Quantity>0</Quantity></Paths>"
                + "<CallerReference>r</CallerReference></InvalidationBatch></Invalidation>");

            var invalidation = (await _client.GetInvalidationAsync(Request(InvalidationOwner.Distribution("E1"), "I1"))).Invalidation!;

            Assert.True(invalidation.IsCompleted);
            Assert.Empty(invalidation.Paths);
            Assert.Equal(0, invalidation.InvalidationBatch!.Paths!.Quantity);
        }

        [Theory]
        [InlineData(404, "NoSuchInvalidation", typeof(NoSuchInvalidationException))]
        [InlineData(404, "NoSuchDistribution", typeof(NoSuchDistributionException))]
        [InlineData(404, "EntityNotFound", typeof(EntityNotFoundException))]
        [InlineData(403, "AccessDenied", typeof(AccessDeniedException))]
        public async Task Error_body_becomes_the_typed_exception(int status, string code, Type expected)
        {
            _server.Enqueue(status, "<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type>"
                + $"<Code>{code}</Code><Message>m</Message></Error><RequestId>r-1</RequestId></ErrorResponse>");

            var failure = await Assert.ThrowsAnyAsync<CloudFrontServiceException>(
                () => _client.GetInvalidationAsync(Request(InvalidationOwner.Distribution("E1"), "I1")));

            Assert.IsType(expected, failure);
            Assert.Equal("r-1", failure.RequestId);
        }
    }
}
