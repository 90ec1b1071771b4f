using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class EndpointUrlTests
    {
        [Theory]
        [InlineData("https://cloudfront.amazonaws.com")]
        [InlineData("http://127.0.0.1:4566")]
        [InlineData("http://localhost:4566/")]
        [InlineData("HTTPS://Example.com")]
        public void Absolute_http_and_https_URLs_are_accepted(string url) => Assert.Null(EndpointUrl.Problem(url));

        [Theory]
        [InlineData("127.0.0.1:4566", "'127.0.0.1:4566' is not an absolute URL")]
        [InlineData("localhost:4566", "'localhost:4566' is not an absolute URL")]
        [InlineData("cloudfront.amazonaws.com", "is not an absolute URL")]
        [InlineData("/2020-05-31", "is not an absolute URL")]
        [InlineData("ftp://127.0.0.1/", "'ftp://127.0.0.1/' is not an http or https URL (its scheme is ftp)")]
        [InlineData("file:///tmp/x", "(its scheme is file)")]
        [InlineData(" ", "it is empty")]
        public void Anything_else_is_refused_with_what_is_expected(string url, string problem)
        {
            var message = EndpointUrl.Problem(url);
            Assert.NotNull(message);
            Assert.Contains(problem, message);
            Assert.Contains("-EndpointUrl takes an absolute http or https URL", message);
        }
    }
}
