using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>What one count covers and how.</summary>
    /// <param name="Owners">The distributions or tenants given; null for every distribution of the account (ListDistributions).</param>
    /// <param name="ThrottleLimit">Requests in flight at most (at least 1).</param>
    /// <param name="NowUtc">When the count runs, for the history warning.</param>
    /// <param name="Unresolved">Distribution names given that named no one distribution (their errors already written): not counted, so the count is not complete.</param>
    internal sealed record UsageOptions(UsageMonth Month, IReadOnlyList<InvalidationOwner>? Owners, int ThrottleLimit, decimal PricePerPath, DateTime NowUtc,
        IReadOnlyList<string>? Unresolved = null);
}
