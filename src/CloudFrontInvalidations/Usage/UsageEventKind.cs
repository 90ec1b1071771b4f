namespace CloudFrontInvalidations.Usage
{
    internal enum UsageEventKind
    {
        /// <summary>The month is older than the history ListInvalidations returns (<see cref="UsageEvent.Message"/>); comes first.</summary>
        Warning,
        /// <summary>An owner with invalidations in the month is counted: <see cref="UsageEvent.Usage"/>; in scope order.</summary>
        Counted,
        /// <summary>An owner (or the account's listing) could not be counted: <see cref="UsageEvent.Failure"/>; in scope order.</summary>
        Failed,
        /// <summary>Where the count stands: <see cref="UsageEvent.Progress"/>.</summary>
        Progress,
        /// <summary>The whole scope's totals: <see cref="UsageEvent.Summary"/>; comes last.</summary>
        Summary,
    }
}
