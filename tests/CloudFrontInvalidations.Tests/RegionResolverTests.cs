using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class RegionResolverTests
    {
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
