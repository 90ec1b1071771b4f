using System;
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

        [Theory]
        [InlineData("http://AKIAEXAMPLE:hunter2secret@example.com/")]
        [InlineData("https://user:hunter2secret@cloudfront.amazonaws.com")]
        [InlineData("ftp://user:hunter2secret@127.0.0.1/")]
        [InlineData("user:hunter2secret@127.0.0.1:4566")]
        public void User_information_is_refused_and_never_shown(string url)
        {
            var message = EndpointUrl.Problem(url);
            Assert.NotNull(message);
            Assert.DoesNotContain("hunter2secret", message);
            // Bound, so that PowerShell's conversion error never quotes it; refused by the command, masked.
            var bound = new EndpointUrl(url);
            Assert.Equal(message, bound.Refusal);
            Assert.DoesNotContain("hunter2secret", bound.ToString());
        }

        [Fact]
        public void The_plain_http_warning_names_scheme_host_and_port_only()
        {
            var parameters = new SessionParameters();
            var warning = ClientFactory.PlainHttpWarning(parameters,
                name => name == "AWS_ENDPOINT_URL" ? "http://AKIAEXAMPLE:hunter2secret@example.com:8080/x" : null);

            Assert.NotNull(warning);
            Assert.Contains("http://example.com:8080 ", warning);
            Assert.DoesNotContain("hunter2secret", warning);
            Assert.DoesNotContain("AKIAEXAMPLE", warning);
        }

        [Fact]
        public void The_parameter_type_keeps_a_usable_URL_and_refuses_the_rest_with_the_same_sentence()
        {
            Assert.Equal("http://127.0.0.1:4566", new EndpointUrl("http://127.0.0.1:4566").ToString());
            Assert.Equal("http://127.0.0.1:4566", new EndpointUrl(new Uri("http://127.0.0.1:4566")).ToString());
            Assert.Throws<ArgumentException>(() => new EndpointUrl(new Uri("ftp://x")));
            var refused = Assert.Throws<ArgumentException>(() => new EndpointUrl("ftp://x"));
            Assert.Equal(EndpointUrl.Problem("ftp://x"), refused.Message);
        }
    }
}
