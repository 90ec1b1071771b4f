using System;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Waiting;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>What one invocation of Get-CFInvalidation or Wait-CFInvalidation holds from BeginProcessing to Dispose.</summary>
    internal sealed class InvalidationInvocation : IDisposable
    {
        internal InvalidationInvocation(CloudFrontClient client)
        {
            Client = client;
            Getter = new InvalidationGetter(client.GetInvalidationAsync, client.GetInvalidationForDistributionTenantAsync);
            Lister = new InvalidationLister(client.ListInvalidationsAsync, client.ListInvalidationsForDistributionTenantAsync);
            DistributionNames = new DistributionNameResolver(new DistributionLister(client.ListDistributionsAsync));
        }

        /// <summary>One client for every request: one connection pool, one retry and rate state.</summary>
        internal CloudFrontClient Client { get; }
        internal InvalidationGetter Getter { get; }
        internal InvalidationLister Lister { get; }
        /// <summary>Domain names given for distributions, resolved with one ListDistributions listing for the invocation.</summary>
        internal DistributionNameResolver DistributionNames { get; }

        public void Dispose() => Client.Dispose();
    }
}
