using System;
using System.Globalization;

namespace CloudFrontInvalidations.Usage
{
    /// <summary>Where a count stands.</summary>
    /// <param name="OwnersDone">Distributions (or tenants) counted or failed.</param>
    /// <param name="OwnersTotal">Null while the account's distributions are still being listed.</param>
    /// <param name="InvalidationsCounted">GetInvalidation answers counted.</param>
    /// <param name="InvalidationsFound">Invalidations listed so far that need a GetInvalidation (in the month, or in progress).</param>
    internal sealed record UsageProgress(int OwnersDone, int? OwnersTotal, int InvalidationsCounted, int InvalidationsFound)
    {
        /// <summary>"2 of 5 distributions, 10 of 12 invalidations counted" ("2 of ?" while the distributions are listed), as the progress bar shows it.</summary>
        internal string Status =>
            string.Format(CultureInfo.InvariantCulture, "{0} of {1} distributions, {2} of {3} invalidations counted",
                OwnersDone, OwnersTotal?.ToString(CultureInfo.InvariantCulture) ?? "?", InvalidationsCounted, InvalidationsFound);

        /// <summary>The share of the distributions done; -1 (PowerShell's "unknown") while their number is not known.</summary>
        internal int PercentComplete => OwnersTotal is int total && total > 0 ? Math.Min(100, OwnersDone * 100 / total) : -1;
    }
}
