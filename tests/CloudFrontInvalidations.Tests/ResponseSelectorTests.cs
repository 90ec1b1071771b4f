using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
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
}
