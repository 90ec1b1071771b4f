using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class CloudFrontClientTests : IDisposable
    {
        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;

        public CloudFrontClientTests()
        {
            // CloudFront is global: requests are signed for us-east-1 whatever the region says.
            _client = _server.CreateClient(region: "eu-west-3");
        }

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        private Task<ListInvalidationsResponse> List(string? marker = null, int? maxItems = null) =>
            _client.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("E1ABCDEF")) { Marker = marker, MaxItems = maxItems });

        [Fact]
        public async Task Full_page_is_read_with_every_field_and_the_request_is_the_documented_one()
        {
            _server.EnqueueSample(200, "full-page.xml");

            var list = (await List(maxItems: 3)).InvalidationList!;

            Assert.Equal("", list.Marker);
            Assert.Equal("I2J0I21PCUYOIK", list.NextMarker);
            Assert.Equal(3, list.MaxItems);
            Assert.True(list.IsTruncated);
            Assert.Equal(3, list.Quantity);
            Assert.Equal(new[] { "IDFDVBD632BHDS5", "I3JZXXD4HQ0GMB", "I2J0I21PCUYOIK" }, list.Items!.Select(i => i.Id));
            Assert.Equal(new[] { "InProgress", "Completed", "Completed" }, list.Items!.Select(i => i.Status));
            // The owner's id is not on the wire: each item carries the one listed.
            Assert.All(list.Items!, i => Assert.Equal("E1ABCDEF", i.DistributionId));
            Assert.All(list.Items!, i => Assert.Null(i.DistributionTenantId));
            var first = list.Items![0].CreateTime!.Value;
            Assert.Equal(DateTimeKind.Utc, first.Kind);
            Assert.Equal(new DateTime(2026, 11, 27, 21, 7, 39, 123, DateTimeKind.Utc), first);

            var sent = Assert.Single(_server.Requests);
            Assert.Equal("GET", sent.Method);
            Assert.Equal("/2020-05-31/distribution/E1ABCDEF/invalidation", sent.Path);
            Assert.Equal("?MaxItems=3", sent.Query);
            Assert.Contains("Credential=AKIDCLIENTTEST/", sent.Authorization);
            Assert.Contains("/us-east-1/cloudfront/aws4_request", sent.Authorization);
        }

        [Fact]
        public async Task A_tenant_is_listed_under_its_own_path_and_its_items_carry_its_id()
        {
            _server.EnqueueSample(200, "full-page.xml");

            var list = (await _client.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Tenant("dt_1")) { Marker = "I0" })).InvalidationList!;

            Assert.All(list.Items!, i => Assert.Equal("dt_1", i.DistributionTenantId));
            Assert.All(list.Items!, i => Assert.Null(i.DistributionId));
            var sent = Assert.Single(_server.Requests);
            Assert.Equal("/2020-05-31/distribution-tenant/dt_1/invalidation", sent.Path);
            Assert.Equal("?Marker=I0", sent.Query);
        }

        [Theory]
        [InlineData("eu-west-3", CloudFrontEndpointProvider.GlobalEndpoint, "us-east-1")]
        [InlineData("cn-north-1", CloudFrontEndpointProvider.ChinaEndpoint, "cn-northwest-1")]
        public void The_partition_endpoint_is_signed_with_sigv4_for_cloudfront_in_its_home_region(string region, string url, string signingRegion)
        {
            var parameters = new Amazon.Runtime.Endpoints.EndpointParameters { ["Region"] = region, ["Endpoint"] = null };

            var endpoint = new CloudFrontEndpointProvider().ResolveEndpoint(parameters);

            Assert.Equal(url, endpoint.URL);
            var scheme = Assert.IsType<Amazon.Runtime.Endpoints.PropertyBag>(Assert.Single((System.Collections.IList)endpoint.Attributes["authSchemes"]));
            Assert.Equal("sigv4", scheme["name"]);
            Assert.Equal("cloudfront", scheme["signingName"]);
            Assert.Equal(signingRegion, scheme["signingRegion"]);
        }

        [Fact]
        public async Task Last_page_has_no_next_marker_and_the_marker_is_sent_url_encoded()
        {
            _server.EnqueueSample(200, "last-page.xml");

            var list = (await List(marker: "I2J0I21PCUYOIK&x=1 /")).InvalidationList!;

            Assert.False(list.IsTruncated);
            Assert.Null(list.NextMarker);
            Assert.Equal("I1ABCDEFGHIJKL", Assert.Single(list.Items!).Id);
            Assert.Equal("?Marker=I2J0I21PCUYOIK%26x%3D1%20%2F", Assert.Single(_server.Requests).Query);
        }

        [Fact]
        public async Task Empty_list_without_items_element_gives_null_items_and_quantity_zero()
        {
            _server.EnqueueSample(200, "empty.xml");

            var list = (await List()).InvalidationList!;

            Assert.Equal(0, list.Quantity);
            Assert.Null(list.Items);
            Assert.False(list.IsTruncated);
        }

        [Theory]
        [InlineData("NoSuchDistribution", 404, typeof(NoSuchDistributionException))]
        [InlineData("AccessDenied", 403, typeof(AccessDeniedException))]
        [InlineData("InvalidArgument", 400, typeof(InvalidArgumentException))]
        public async Task Error_responses_become_typed_exceptions_with_code_status_and_request_id(
            string code, int status, Type expectedType)
        {
            _server.EnqueueSample(status, $"error-{code}.xml");

            var error = await Assert.ThrowsAnyAsync<CloudFrontServiceException>(() => List());

            Assert.IsType(expectedType, error);
            Assert.Equal(code, error.ErrorCode);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            Assert.Equal($"5f1b2c3d-0000-4e5f-9a8b-{code}", error.RequestId);
            Assert.Equal(ErrorType.Sender, error.ErrorType);
        }
    
        private static string ErrorBody(string code) =>
            $"<ErrorResponse xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Error><Type>Sender</Type><Code>{code}</Code><Message>{code} happened</Message></Error><RequestId>req-{code}</RequestId></ErrorResponse>";

        [Theory]
        [InlineData("SignatureDoesNotMatch", 403)]
        [InlineData("InvalidClientTokenId", 403)]
        [InlineData("ExpiredToken", 400)]
        public async Task Rejected_credentials_become_CredentialsRejectedException(string code, int status)
        {
            _server.Enqueue(status, ErrorBody(code));

            var error = await Assert.ThrowsAsync<CredentialsRejectedException>(() => List());

            Assert.Equal(code, error.ErrorCode);
            Assert.Equal((HttpStatusCode)status, error.StatusCode);
        }

        [Fact]
        public async Task A_body_cut_short_becomes_AmazonUnmarshallingException_with_the_request_id()
        {
            var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "full-page.xml"));
            _server.Enqueue(200, page.Substring(0, page.Length / 2));

            var error = await Assert.ThrowsAsync<AmazonUnmarshallingException>(() => List());

            Assert.Equal("stub-request-id", error.RequestId);
            Assert.IsAssignableFrom<System.Xml.XmlException>(error.InnerException);
        }

        [Theory]
        [InlineData("<MaxItems>3</MaxItems>", "<MaxItems>three</MaxItems>", "MaxItems", "three", "an integer")]
        [InlineData("<MaxItems>3</MaxItems>", "<MaxItems></MaxItems>", "MaxItems", "", "an integer")]
        [InlineData("<Quantity>3</Quantity>", "<Quantity>2147483648</Quantity>", "Quantity", "2147483648", "an integer")]
        [InlineData("<IsTruncated>true</IsTruncated>", "<IsTruncated>yes</IsTruncated>", "IsTruncated", "yes", "a boolean")]
        [InlineData("<IsTruncated>true</IsTruncated>", "<IsTruncated>1</IsTruncated>", "IsTruncated", "1", "a boolean")]
        [InlineData("<CreateTime>2026-11-26T09:00:00Z</CreateTime>", "<CreateTime>yesterday</CreateTime>", "CreateTime", "yesterday", "a timestamp")]
        [InlineData("<CreateTime>2026-11-26T09:00:00Z</CreateTime>", "<CreateTime/>", "CreateTime", "", "a timestamp")]
        public async Task A_value_that_does_not_parse_makes_the_body_unreadable_and_names_its_element_and_text(
            string valid, string invalid, string element, string text, string expected)
        {
            var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "full-page.xml"));
            Assert.Contains(valid, page);
            _server.Enqueue(200, page.Replace(valid, invalid));

            var error = await Assert.ThrowsAsync<AmazonUnmarshallingException>(() => List());

            Assert.Equal("stub-request-id", error.RequestId);
            Assert.Equal(HttpStatusCode.OK, error.StatusCode);
            var unreadable = Assert.IsType<UnreadableElementException>(error.InnerException);
            Assert.Equal(element, unreadable.ElementName);
            Assert.Equal(text, unreadable.Text);
            Assert.StartsWith($"{element}: '{text}' is not {expected}", unreadable.Message);
            Assert.Contains(unreadable.Message, error.Message);
        }

        [Fact]
        public async Task A_body_cut_short_is_retried_by_the_sdk()
        {
            var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "full-page.xml"));
            _server.Enqueue(200, page.Substring(0, page.Length / 2));
            _server.Enqueue(200, page);
            var config = ClientFactory.CreateConfig(new ClientSettings { EndpointUrl = _server.Url });
            config.MaxErrorRetry = 1;
            using var client = new CloudFrontClient(new BasicAWSCredentials("AKIDCLIENTTEST", "not-a-real-secret"), config);

            var response = await client.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("E1ABCDEF")));

            Assert.Equal(3, response.InvalidationList!.Items!.Count);
            Assert.Equal(2, _server.Requests.Count);
        }
    }
}
