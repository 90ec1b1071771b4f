using System.Collections.Generic;
using System.Linq;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class ResponseSelectorTests
    {
        private static readonly ListInvalidationsResponse Response = new ListInvalidationsResponse
        {
            InvalidationList = new InvalidationList
            {
                NextMarker = "INEXT", IsTruncated = true, Quantity = 2,
                Items = new List<InvalidationSummary> { new InvalidationSummary { Id = "I1" }, new InvalidationSummary { Id = "I2" } },
            },
        };

        [Theory]
        [InlineData(null)]
        [InlineData("InvalidationList.Items")]
        [InlineData("invalidationlist.items")]
        public void Default_and_items_path_write_the_items_one_by_one(string? select) =>
            Assert.Equal(new[] { "I1", "I2" }, ResponseSelector.Parse(select).Select(Response).Cast<InvalidationSummary>().Select(i => i.Id));

        [Fact]
        public void Star_writes_the_whole_response() =>
            Assert.Same(Response, Assert.Single(ResponseSelector.Parse("*").Select(Response)));

        [Fact]
        public void Property_path_writes_that_property() =>
            Assert.Equal("INEXT", Assert.Single(ResponseSelector.Parse("InvalidationList.NextMarker").Select(Response)));

        [Fact]
        public void Null_property_writes_nothing() =>
            Assert.Empty(ResponseSelector.Parse("InvalidationList.Marker").Select(Response));

        [Fact]
        public void Caret_names_a_parameter_and_writes_nothing_per_response()
        {
            var selector = ResponseSelector.Parse("^distributionid");
            Assert.Equal("DistributionId", selector.ParameterName);
            Assert.Empty(selector.Select(Response));
        }

        [Theory]
        [InlineData("Bogus")]
        [InlineData("InvalidationList.Nope")]
        [InlineData("^Region")]
        [InlineData("InvalidationList..Items")]
        public void Invalid_values_are_rejected_naming_the_parameter(string select) =>
            Assert.Equal("Select", Assert.Throws<InvalidParameterException>(() => ResponseSelector.Parse(select)).ParameterName);
    }

    public sealed class PagingWindowTests
    {
        [Fact]
        public void Skips_then_writes_First_and_counts_everything_offered()
        {
            var window = new PagingWindow(skip: 2, first: 3);
            var admitted = Enumerable.Range(0, 10).Where(_ => window.Admit()).ToList();
            Assert.Equal(new[] { 2, 3, 4 }, admitted);
            Assert.True(window.IsFull);
            Assert.Equal(10UL, window.Seen);
            Assert.True(window.IsSeenExact);
            window.MarkIncomplete();
            Assert.False(window.IsSeenExact);
        }

        [Fact]
        public void First_zero_is_full_from_the_start() => Assert.True(new PagingWindow(0, 0).IsFull);
    }

    public sealed class CredentialAndRegionResolverTests
    {
        private static readonly IClientConfig Config = new CloudFrontConfig();

        private static string? Environment(string name) => name switch
        {
            "AWS_ACCESS_KEY_ID" => "AKIDENVIRONMENT",
            "AWS_SECRET_ACCESS_KEY" => "environment-secret",
            _ => null,
        };

        [Fact]
        public void Explicit_keys_win_over_Credential_and_environment()
        {
            var resolved = new CredentialResolver(Environment).Resolve(new SessionParameters
            {
                AccessKey = "AKIDEXPLICIT", SecretKey = "s", SessionToken = "t",
                Credential = new BasicAWSCredentials("AKIDOBJECT", "s"),
            }, Config);
            var credentials = resolved.Credentials.GetCredentials();
            Assert.Equal("AKIDEXPLICIT", credentials.AccessKey);
            Assert.Equal("t", credentials.Token);
        }

        [Fact]
        public void Credential_object_wins_over_environment() =>
            Assert.Equal("AKIDOBJECT", new CredentialResolver(Environment)
                .Resolve(new SessionParameters { Credential = new BasicAWSCredentials("AKIDOBJECT", "s") }, Config)
                .Credentials.GetCredentials().AccessKey);

        [Fact]
        public void AccessKey_without_SecretKey_is_an_invalid_parameter() =>
            Assert.Equal("SecretKey", Assert.Throws<InvalidParameterException>(() =>
                new CredentialResolver(Environment).Resolve(new SessionParameters { AccessKey = "AKID" }, Config)).ParameterName);

        [Fact]
        public void A_Credential_that_is_not_AWSCredentials_is_an_invalid_parameter() =>
            Assert.Equal("Credential", Assert.Throws<InvalidParameterException>(() =>
                new CredentialResolver(Environment).Resolve(new SessionParameters { Credential = "AKID:secret" }, Config)).ParameterName);

        [Fact]
        public void Region_parameter_then_AWS_REGION_then_AWS_DEFAULT_REGION()
        {
            string? Regions(string name) => name == "AWS_REGION" ? "eu-west-1" : name == "AWS_DEFAULT_REGION" ? "eu-west-2" : null;
            Assert.Equal("ap-south-1", RegionResolver.Resolve(new SessionParameters { Region = "ap-south-1" }, Regions));
            Assert.Equal("eu-west-1", RegionResolver.Resolve(new SessionParameters(), Regions));
            Assert.Equal("eu-west-2", RegionResolver.Resolve(new SessionParameters(), n => n == "AWS_DEFAULT_REGION" ? "eu-west-2" : null));
        }
    }
}
