using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Completion
{
    /// <summary>
    /// The account's distributions for tab completion, fetched once per endpoint/region/identity and kept
    /// for a few minutes, so that pressing Tab again is instant and sends nothing. A failure (no
    /// credentials, no network, access denied) is remembered as an empty list for a shorter time, so a
    /// dead endpoint does not cost a timeout at every key press.
    /// </summary>
    public static class DistributionCache
    {
        internal static readonly TimeSpan ListLifetime = TimeSpan.FromMinutes(3);
        internal static readonly TimeSpan FailureLifetime = TimeSpan.FromSeconds(30);
        // The whole fetch, every page included: completion must never hang the prompt.
        internal static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(2);
        private const int MaxPages = 20;

        private static readonly ConcurrentDictionary<string, Entry> Entries = new ConcurrentDictionary<string, Entry>();

        /// <param name="parameters">The common AWS parameters typed so far: the same credentials and endpoint as the command.</param>
        public static IReadOnlyList<DistributionSummary> Get(SessionParameters parameters)
        {
            // Never the secret: the access key id, profile and files tell identities apart.
            var key = string.Join("|", parameters.EndpointUrl, parameters.Region, parameters.AccessKey, parameters.Credential?.GetHashCode(),
                parameters.ProfileName ?? Environment.GetEnvironmentVariable("AWS_PROFILE"), parameters.ProfileLocation);
            if (Entries.TryGetValue(key, out var cached) && cached.ExpiresUtc > DateTime.UtcNow) return cached.Distributions;

            var fetched = TryFetch(parameters);
            var entry = new Entry(fetched ?? Array.Empty<DistributionSummary>(),
                DateTime.UtcNow + (fetched == null ? FailureLifetime : ListLifetime));
            Entries[key] = entry;
            return entry.Distributions;
        }

        /// <summary>Every page, or null on any failure: completion is silent by design.</summary>
        private static IReadOnlyList<DistributionSummary>? TryFetch(SessionParameters parameters)
        {
            try
            {
                using var client = ClientFactory.Connect(parameters, FetchTimeout, Environment.GetEnvironmentVariable, out _, maxErrorRetry: 0);
                using var deadline = new CancellationTokenSource(FetchTimeout);
                var distributions = new List<DistributionSummary>();
                string? marker = null;
                for (var page = 0; page < MaxPages; page++)
                {
                    var list = client.ListDistributionsAsync(new ListDistributionsRequest { Marker = marker }, deadline.Token)
                        .GetAwaiter().GetResult().DistributionList;
                    if (list?.Items != null) distributions.AddRange(list.Items);
                    if (list?.IsTruncated != true || string.IsNullOrEmpty(list.NextMarker)) break;
                    marker = list.NextMarker;
                }
                return distributions;
            }
            catch (Exception)
            {
                return null;
            }
        }

        private sealed class Entry
        {
            public Entry(IReadOnlyList<DistributionSummary> distributions, DateTime expiresUtc)
            {
                Distributions = distributions;
                ExpiresUtc = expiresUtc;
            }

            public IReadOnlyList<DistributionSummary> Distributions { get; }
            public DateTime ExpiresUtc { get; }
        }
    }
}
