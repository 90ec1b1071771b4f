using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Completion
{
    /// <summary>
    /// The account's distributions for tab completion, fetched once per endpoint/region/identity and kept
    /// for a few minutes, so that pressing Tab again is instant and sends nothing. The fetch has the SDK's retries
    /// (a throttled page is asked again after the SDK's backoff) inside one time budget, so a Tab press never
    /// hangs the prompt. A failure (no credentials, no network, access denied, a budget spent) offers nothing and
    /// is not kept: the next Tab press asks again.
    /// </summary>
    internal static class DistributionCache
    {
        internal static readonly TimeSpan ListLifetime = TimeSpan.FromMinutes(3);
        // The whole fetch, every page included: completion must never hang the prompt.
        internal static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);

        private static readonly ConcurrentDictionary<string, Entry> Entries = new ConcurrentDictionary<string, Entry>();

        /// <param name="parameters">The common AWS parameters typed so far: the same credentials and endpoint as the command.</param>
        internal static IReadOnlyList<DistributionSummary> Get(SessionParameters parameters)
        {
            var key = parameters.IdentityKey(Environment.GetEnvironmentVariable);
            if (Entries.TryGetValue(key, out var cached) && cached.ExpiresUtc > DateTime.UtcNow) return cached.Distributions;

            var fetched = TryFetch(parameters);
            if (fetched == null) return Array.Empty<DistributionSummary>();
            Entries[key] = new Entry(fetched, DateTime.UtcNow + ListLifetime);
            return fetched;
        }

        /// <summary>Every page, or null on any failure: completion is silent by design.</summary>
        private static IReadOnlyList<DistributionSummary>? TryFetch(SessionParameters parameters)
        {
            try
            {
                using var client = ClientFactory.Connect(parameters, FetchTimeout, Environment.GetEnvironmentVariable, out _);
                using var deadline = new CancellationTokenSource(FetchTimeout);
                return new DistributionLister(client.ListDistributionsAsync)
                    .ListPages(new ListingOptions(), deadline.Token)
                    .SelectMany(page => page.Items)
                    .ToList();
            }
            catch (Exception)
            {
                return null;
            }
        }

        private sealed record Entry(IReadOnlyList<DistributionSummary> Distributions, DateTime ExpiresUtc);
    }
}
