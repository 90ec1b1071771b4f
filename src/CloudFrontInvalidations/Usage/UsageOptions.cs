using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>What one count covers and how.</summary>
    internal sealed class UsageOptions
    {
        internal UsageOptions(UsageMonth month, IReadOnlyList<InvalidationOwner>? owners, int throttleLimit, decimal pricePerPath, DateTime nowUtc)
        {
            if (throttleLimit < 1) throw new ArgumentOutOfRangeException(nameof(throttleLimit));
            Month = month;
            Owners = owners;
            ThrottleLimit = throttleLimit;
            PricePerPath = pricePerPath;
            NowUtc = nowUtc;
        }

        internal UsageMonth Month { get; }
        /// <summary>The distributions or tenants given; null for every distribution of the account (ListDistributions).</summary>
        internal IReadOnlyList<InvalidationOwner>? Owners { get; }
        /// <summary>Requests in flight at most.</summary>
        internal int ThrottleLimit { get; }
        internal decimal PricePerPath { get; }
        /// <summary>When the count runs, for the history warning.</summary>
        internal DateTime NowUtc { get; }
    }
}
