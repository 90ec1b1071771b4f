using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>
    /// A billing month's invalidation paths over a whole scope (the account's distributions, or the distributions or
    /// tenants given), and what they cost.
    /// </summary>
    public sealed class UsageSummary
    {
        /// <summary>CloudFront's price per path beyond the free ones, in <see cref="DefaultCurrency"/>.</summary>
        public const decimal DefaultPricePerPath = 0.005m;
        public const string DefaultCurrency = "USD";

        internal UsageSummary(string month, bool isAccountWide, IReadOnlyList<InvalidationUsage> counted, int ownersCounted,
            IReadOnlyList<string> failed, decimal pricePerPath, bool isBeyondHistory)
        {
            Month = month;
            IsAccountWide = isAccountWide;
            Distributions = ownersCounted;
            Invalidations = counted.Sum(usage => usage.Invalidations);
            Paths = counted.Sum(usage => usage.Paths);
            WildcardPaths = counted.Sum(usage => usage.WildcardPaths);
            TagItems = counted.Sum(usage => usage.TagItems);
            BillablePaths = Math.Max(0, Paths - FreePaths);
            PricePerPath = pricePerPath;
            EstimatedCost = BillablePaths * pricePerPath;
            FailedDistributions = failed.ToArray();
            IsComplete = failed.Count == 0 && !isBeyondHistory;
            Note = NoteFor(isAccountWide, failed, isBeyondHistory, month);
        }

        /// <summary>The UTC billing month, 'yyyy-MM'.</summary>
        public string Month { get; }
        /// <summary>
        /// Every distribution of the account was in scope (no -DistributionId or -DistributionTenantId). Its distribution
        /// tenants were not: ListDistributions does not list them, so a tenant's invalidations are counted only when it
        /// is given with -DistributionTenantId (<see cref="Note"/> says so).
        /// </summary>
        public bool IsAccountWide { get; }
        /// <summary>Distributions and tenants whose invalidations were counted, with or without any in the month.</summary>
        public int Distributions { get; }
        public int Invalidations { get; }
        public int Paths { get; }
        public int WildcardPaths { get; }
        public int TagItems { get; }
        /// <summary>Paths a month that CloudFront does not bill, per account (all distributions together).</summary>
        public int FreePaths => InvalidationLimits.FreePathsPerMonth;
        /// <summary><see cref="Paths"/> beyond the free ones.</summary>
        public int BillablePaths { get; }
        public decimal PricePerPath { get; }
        /// <summary><see cref="BillablePaths"/> × <see cref="PricePerPath"/>, in <see cref="Currency"/>.</summary>
        public decimal EstimatedCost { get; }
        public string Currency => DefaultCurrency;
        /// <summary>
        /// Every listing and get of the scope succeeded and the month is within the history CloudFront lists: false when
        /// a distribution, a tenant, a name given or ListDistributions failed, or the month is older. It does not widen
        /// the scope: an account's distribution tenants are outside it either way.
        /// </summary>
        public bool IsComplete { get; }
        /// <summary>The distributions, tenants and names given (or "the account's distributions") whose counting failed; their errors were written.</summary>
        public string[] FailedDistributions { get; }
        /// <summary>
        /// What the numbers do not cover: the account's distribution tenants, or for a narrower scope that the free paths
        /// are shared account-wide; then what failed, and a month older than the history.
        /// </summary>
        public string Note { get; }

        private static string NoteFor(bool isAccountWide, IReadOnlyList<string> failed, bool isBeyondHistory, string month)
        {
            var notes = new List<string>();
            if (isAccountWide)
                notes.Add("Distribution tenants are not in the account's scope: ListDistributions lists distributions only, and a tenant's " +
                    "invalidations are counted only when it is given with -DistributionTenantId.");
            else
                notes.Add($"The free {InvalidationLimits.FreePathsPerMonth.ToString("N0", CultureInfo.InvariantCulture)} paths a month are shared by every distribution " +
                    "of the account: BillablePaths and EstimatedCost count this scope alone.");
            if (failed.Count > 0)
                notes.Add($"Not counted (see the errors): {string.Join(", ", failed)}; the totals are lower bounds.");
            if (isBeyondHistory)
                notes.Add($"{month} is older than the invalidation history CloudFront lists (the current and previous month): the totals may be lower than what was billed.");
            return string.Join(" ", notes);
        }

        public override string ToString() => $"{Month}: {Paths} paths, {EstimatedCost} {Currency}";
    }
}
