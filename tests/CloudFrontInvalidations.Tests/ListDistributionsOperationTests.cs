using System;
using System.Linq;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class ListDistributionsOperationTests : IDisposable
    {
        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;

        public ListDistributionsOperationTests()
        {
            _client = _server.CreateClient();
        }

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        [Fact]
        public async Task Reads_id_domain_name_aliases_and_comment_of_each_summary_not_those_of_its_origins()
        {
            _server.EnqueueSample(200, "distribution-list.xml");

            var list = (await _client.ListDistributionsAsync(new ListDistributionsRequest { Marker = "E0", MaxItems = 2 })).DistributionList!;

            Assert.True(list.IsTruncated);
            Assert.Equal("E2SECOND000002", list.NextMarker);
            Assert.Equal(new[] { "E1FIRST0000001", "E2SECOND000002" }, list.Items!.Select(d => d.Id));
            Assert.Equal(new[] { "d111111abcdef8.cloudfront.net", "d222222abcdef8.cloudfront.net" }, list.Items!.Select(d => d.DomainName));
            Assert.Equal(new[] { "www.example.com", "*.static.example.com" }, list.Items![0].Aliases);
            Assert.Null(list.Items![1].Aliases);
            Assert.Equal(new[] { "Marketing site", "" }, list.Items!.Select(d => d.Comment));
            var sent = Assert.Single(_server.Requests);
            Assert.Equal("/2020-05-31/distribution", sent.Path);
            Assert.Equal("?Marker=E0&MaxItems=2", sent.Query);
        }

        [Fact]
        public async Task Error_body_becomes_the_typed_exception()
        {
            _server.EnqueueSample(403, "error-AccessDenied.xml");

            await Assert.ThrowsAsync<AccessDeniedException>(() => _client.ListDistributionsAsync(new ListDistributionsRequest()));
        }
    }
}
