using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class DistributionNameResolverTests
    {
        private int _requests;

        /// <summary>A resolver over a scripted account: two ListDistributions pages, the second after marker E2.</summary>
        private DistributionNameResolver Resolver(params DistributionSummary[][] pages)
        {
            var answers = new Queue<DistributionSummary[]>(pages);
            return new DistributionNameResolver(new DistributionLister((request, _) =>
            {
                _requests++;
                var items = answers.Dequeue();
                return Task.FromResult(new ListDistributionsResponse
                {
                    DistributionList = new DistributionList
                    {
                        IsTruncated = answers.Count > 0,
                        NextMarker = answers.Count > 0 ? items.Last().Id : null,
                        Items = items.ToList(),
                    },
                });
            }));
        }

        private static DistributionSummary Distribution(string id, params string[] aliases) => new DistributionSummary
        {
            Id = id,
            DomainName = id.ToLowerInvariant() + ".cloudfront.net",
            Aliases = aliases.Length == 0 ? null : aliases.ToList(),
        };

        private DistributionNameResolver Account() => Resolver(
            new[] { Distribution("E1", "www.example.com", "example.com"), Distribution("E2", "*.example.com") },
            new[] { Distribution("E3", "shop.example.com"), Distribution("E4", "*.cdn.example.org"), Distribution("E5", "*.cdn.example.org") });

        [Theory]
        [InlineData("www.example.com", "E1")]
        [InlineData("WWW.Example.COM.", "E1")]
        [InlineData("example.com", "E1")]
        [InlineData("e3.cloudfront.net", "E3")]
        [InlineData("shop.example.com", "E3")]
        [InlineData("img.example.com", "E2")]
        public void Resolves_an_alternate_domain_name_or_cloudfront_name_exact_before_wildcard_across_pages(string name, string id)
        {
            Assert.Equal(id, Account().Resolve(name, CancellationToken.None));
            Assert.Equal(2, _requests);
        }

        [Fact]
        public void Passes_an_id_unchanged_without_a_request()
        {
            Assert.Equal("E2QWRUHAPOMQZL", Account().Resolve("E2QWRUHAPOMQZL", CancellationToken.None));
            Assert.Equal(0, _requests);
        }

        [Fact]
        public void Lists_the_account_once_for_every_name_it_resolves()
        {
            var resolver = Account();
            Assert.Equal(new[] { "E1", "E3", "E2", "E1" },
                new[] { "www.example.com", "shop.example.com", "a.example.com", "example.com" }.Select(name => resolver.Resolve(name, CancellationToken.None)));
            Assert.Equal(2, _requests);
        }

        [Theory]
        [InlineData("nosuch.example.net")]
        [InlineData("a.b.example.com")]
        [InlineData("cdn.example.org")]
        public void An_unknown_name_is_a_typed_error_naming_it(string name)
        {
            var error = Assert.Throws<UnknownDistributionNameException>(() => Account().Resolve(name, CancellationToken.None));
            Assert.Equal(name, error.Name);
            Assert.Contains($"'{name}'", error.Message);
            Assert.Contains("5 distribution(s) searched", error.Message);
        }

        [Fact]
        public void A_name_several_distributions_have_is_a_typed_error_listing_them()
        {
            var error = Assert.Throws<AmbiguousDistributionNameException>(() => Account().Resolve("x.cdn.example.org", CancellationToken.None));
            Assert.Equal(new[] { "E4", "E5" }, error.DistributionIds);
            Assert.Contains("(E4, E5)", error.Message);
        }
    }
}
