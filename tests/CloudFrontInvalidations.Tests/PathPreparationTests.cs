using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Paths checked and encoded before any request, as CloudFront's developer guide asks.</summary>
    public sealed class PathPreparationTests
    {
        [Theory]
        [InlineData("/index.html", "/index.html")]
        [InlineData("/images/*", "/images/*")]
        [InlineData("/docs/read me.txt", "/docs/read%20me.txt")]
        [InlineData("/café/ménu.html", "/caf%C3%A9/m%C3%A9nu.html")]
        [InlineData("/日本語/ページ.html", "/%E6%97%A5%E6%9C%AC%E8%AA%9E/%E3%83%9A%E3%83%BC%E3%82%B8.html")]
        [InlineData("/emoji/😀.png", "/emoji/%F0%9F%98%80.png")]
        [InlineData("/a\"b<c>d#e{f}g|h\\i^j`k[l]m", "/a%22b%3Cc%3Ed%23e%7Bf%7Dg%7Ch%5Ci%5Ej%60k%5Bl%5Dm")]
        [InlineData("/already%20encoded%C3%A9", "/already%20encoded%C3%A9")]
        [InlineData("/100% done", "/100%25%20done")]
        [InlineData("/ends-with%", "/ends-with%25")]
        [InlineData("/%zz", "/%25zz")]
        [InlineData("/search?q=a&b=c;d:e@f=g+h$i,j!k'l(m)n", "/search?q=a&b=c;d:e@f=g+h$i,j!k'l(m)n")]
        [InlineData("/tab\there", "/tab%09here")]
        public void Encodes_non_ASCII_and_RFC_1738_unsafe_characters_and_nothing_else(string given, string sent)
        {
            Assert.Equal(sent, PathEncoding.Encode(given));
            // Never encoded twice: what is sent is left as it is.
            Assert.Equal(sent, PathEncoding.Encode(sent));
        }

        [Theory]
        [InlineData("index.html", "does not start with '/'")]
        [InlineData("", "does not start with '/'")]
        [InlineData("https://example.com/a", "does not start with '/'")]
        [InlineData("/~user/page", "'~'")]
        [InlineData("#", "empty cache tag")]
        [InlineData("#has space", "not visible ASCII")]
        [InlineData("#café", "not visible ASCII")]
        [InlineData("#a,b", "comma")]
        [InlineData("#product*", "no wildcards")]
        public void Refuses_each_invalid_path_by_name(string path, string reason)
        {
            var prepared = PathPreparation.Prepare(new[] { "/fine", path, "/also-fine" });

            var problem = Assert.Single(prepared.Problems);
            Assert.Equal(path, problem.Path);
            Assert.Contains(reason, problem.Message);
            Assert.Contains($"'{path}'", problem.Message);
            Assert.Equal(new[] { "/fine", "/also-fine" }, prepared.Paths.Select(p => p.Sent));
        }

        [Fact]
        public void Refuses_a_path_longer_than_4000_characters_as_sent_and_a_tag_longer_than_256()
        {
            var fits = "/" + new string('a', 3999);
            var tooLongEncoded = "/" + new string(' ', 1334); // 1 + 3 × 1334 = 4003 characters encoded
            var tag = "#" + new string('t', 255);

            var prepared = PathPreparation.Prepare(new[] { fits, fits + "b", tooLongEncoded, tag, tag + "x" });

            Assert.Equal(new[] { fits, tag }, prepared.Paths.Select(p => p.Sent));
            Assert.Equal(3, prepared.Problems.Count);
            Assert.Contains("4001 characters", prepared.Problems[0].Message);
            Assert.Contains("4003 characters long as sent", prepared.Problems[1].Message);
            Assert.Contains("at most 256", prepared.Problems[2].Message);
            // A 4,000-character path is not repeated whole in the message.
            Assert.True(prepared.Problems[0].Message.Length < 400);
        }

        [Fact]
        public void Sends_a_repeated_path_once_comparing_paths_case_sensitively_and_tags_not()
        {
            var prepared = PathPreparation.Prepare(new[]
            {
                "/a b", "/a%20b", "/A%20B", "/a b", "#Tag", "#tag", "/img/*", "/img/*",
            });

            Assert.Equal(new[] { "/a%20b", "/A%20B", "#Tag", "/img/*" }, prepared.Paths.Select(p => p.Sent));
            Assert.Equal(4, prepared.Duplicates);
            Assert.Empty(prepared.Problems);
        }

        [Fact]
        public void Warns_about_a_star_that_is_not_last_and_classifies_each_path()
        {
            var prepared = PathPreparation.Prepare(new[] { "/img/*.png", "/img/*", "/index.html", "#product-42" });

            var warning = Assert.Single(prepared.Warnings);
            Assert.Contains("'/img/*.png'", warning);
            Assert.Contains("literal", warning);
            Assert.Equal(new[] { PathKind.File, PathKind.Wildcard, PathKind.File, PathKind.Tag }, prepared.Paths.Select(p => p.Kind));
            Assert.Equal("/img/*.png", prepared.Paths[0].Given);
        }

        [Fact]
        public void Refuses_text_that_is_not_valid_Unicode()
        {
            // Not in [InlineData]: the test runner's serialization would replace the lone surrogate.
            var prepared = PathPreparation.Prepare(new[] { "/lone\ud800surrogate", "/pair\ud83d\ude00" });

            Assert.Contains("lone surrogate", Assert.Single(prepared.Problems).Message);
            Assert.Equal("/pair%F0%9F%98%80", Assert.Single(prepared.Paths).Sent);
        }

        [Fact]
        public void A_null_path_is_refused_like_an_empty_one()
        {
            var prepared = PathPreparation.Prepare(new string?[] { null });

            Assert.Empty(prepared.Paths);
            Assert.Contains("does not start with '/'", Assert.Single(prepared.Problems).Message);
        }
    }
}
