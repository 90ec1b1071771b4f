using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// Turns what a user gives for a distribution into its id. An id passes unchanged; a domain name (anything with a
    /// dot) is looked up among the account's distributions by their alternate domain names (CNAMEs, an exact one before
    /// a wildcard such as *.example.com, as CloudFront routes) and their *.cloudfront.net names, case-insensitively. The
    /// account is listed (ListDistributions) once per resolver, on the first name: one resolver serves one command
    /// invocation, so a long pipeline of names costs one listing.
    /// </summary>
    internal sealed class DistributionNameResolver
    {
        private readonly DistributionLister _lister;
        private List<DistributionSummary>? _distributions;

        internal DistributionNameResolver(DistributionLister lister)
        {
            _lister = lister;
        }

        /// <summary>A distribution id has no dot; a domain name has at least one.</summary>
        internal static bool IsDomainName(string value) => value.IndexOf('.') >= 0;

        /// <summary>The id of the distribution <paramref name="idOrName"/> names; an id is returned as given.</summary>
        /// <exception cref="UnknownDistributionNameException">No distribution of the account has that name.</exception>
        /// <exception cref="AmbiguousDistributionNameException">Several distributions have it.</exception>
        internal string Resolve(string idOrName, CancellationToken cancellationToken)
        {
            if (!IsDomainName(idOrName)) return idOrName;
            var name = Normalize(idOrName);
            var distributions = _distributions ??= _lister.ListPages(new ListingOptions(), cancellationToken)
                .SelectMany(page => page.Items)
                .ToList();

            var matches = distributions.Where(distribution => ExactNames(distribution).Any(own => Normalize(own) == name)).ToList();
            if (matches.Count == 0)
                matches = distributions.Where(distribution => (distribution.Aliases ?? Enumerable.Empty<string>())
                    .Any(alias => WildcardCovers(Normalize(alias), name))).ToList();

            return matches.Count switch
            {
                1 => IdRule.Distribution.Refuse(matches[0].Id, "ListDistributions") is { } refused ? throw refused : matches[0].Id!,
                0 => throw new UnknownDistributionNameException(idOrName, distributions.Count),
                _ => throw new AmbiguousDistributionNameException(idOrName,
                    matches.Select(distribution => ResponseText.Clean(distribution.Id, ResponseText.MaxTokenLength)!).ToList()),
            };
        }

        private static IEnumerable<string> ExactNames(DistributionSummary distribution) =>
            (distribution.Aliases ?? Enumerable.Empty<string>())
                .Where(alias => !alias.StartsWith("*.", StringComparison.Ordinal))
                .Concat(distribution.DomainName is { Length: > 0 } own ? new[] { own } : Array.Empty<string>());

        /// <summary>*.example.com covers www.example.com, not example.com nor a.b.example.com (one label, as in DNS).</summary>
        private static bool WildcardCovers(string alias, string name)
        {
            if (!alias.StartsWith("*.", StringComparison.Ordinal)) return false;
            var suffix = alias.Substring(1);
            if (name.Length <= suffix.Length || !name.EndsWith(suffix, StringComparison.Ordinal)) return false;
            return name.IndexOf('.') == name.Length - suffix.Length;
        }

        /// <summary>Domain names compare without case and without the root's trailing dot.</summary>
        private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
    }
}
