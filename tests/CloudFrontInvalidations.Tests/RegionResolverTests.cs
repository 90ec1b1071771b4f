using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class RegionResolverTests
    {
        private static string? Regions(string name) => name == "AWS_REGION" ? "eu-west-1" : name == "AWS_DEFAULT_REGION" ? "eu-west-2" : null;

        [Fact]
        public void Region_parameter_then_AWS_REGION_then_AWS_DEFAULT_REGION()
        {
            Assert.Equal("ap-south-1", RegionResolver.Resolve(new SessionParameters { Region = "ap-south-1" }, ShellDefaults.None, Regions));
            Assert.Equal("eu-west-1", RegionResolver.Resolve(new SessionParameters(), ShellDefaults.None, Regions));
            Assert.Equal("eu-west-2", RegionResolver.Resolve(new SessionParameters(), ShellDefaults.None, n => n == "AWS_DEFAULT_REGION" ? "eu-west-2" : null));
        }

        [Fact]
        public void The_session_region_of_AWS_Tools_comes_after_the_parameter_and_before_the_environment()
        {
            var shell = new ShellDefaults(null, null, "sa-east-1");
            Assert.Equal("ap-south-1", RegionResolver.Resolve(new SessionParameters { Region = "ap-south-1" }, shell, Regions));
            Assert.Equal("sa-east-1", RegionResolver.Resolve(new SessionParameters(), shell, Regions));
            Assert.Equal("eu-west-1", RegionResolver.Resolve(new SessionParameters(), new ShellDefaults(null, null, ""), Regions));
        }
    }
}
