namespace CloudFrontInvalidations.Usage
{
    /// <summary>Where a count stands.</summary>
    internal sealed class UsageProgress
    {
        internal UsageProgress(int ownersDone, int? ownersTotal, int invalidationsCounted, int invalidationsFound)
        {
            OwnersDone = ownersDone;
            OwnersTotal = ownersTotal;
            InvalidationsCounted = invalidationsCounted;
            InvalidationsFound = invalidationsFound;
        }

        /// <summary>Distributions (or tenants) counted or failed.</summary>
        internal int OwnersDone { get; }
        /// <summary>Null while the account's distributions are still being listed.</summary>
        internal int? OwnersTotal { get; }
        /// <summary>GetInvalidation answers counted.</summary>
        internal int InvalidationsCounted { get; }
        /// <summary>Invalidations listed so far that need a GetInvalidation (in the month, or in progress).</summary>
        internal int InvalidationsFound { get; }
    }
}
