namespace CloudFrontInvalidations.Usage
{
    /// <summary>Where a count stands.</summary>
    /// <param name="OwnersDone">Distributions (or tenants) counted or failed.</param>
    /// <param name="OwnersTotal">Null while the account's distributions are still being listed.</param>
    /// <param name="InvalidationsCounted">GetInvalidation answers counted.</param>
    /// <param name="InvalidationsFound">Invalidations listed so far that need a GetInvalidation (in the month, or in progress).</param>
    internal sealed record UsageProgress(int OwnersDone, int? OwnersTotal, int InvalidationsCounted, int InvalidationsFound);
}
