namespace CloudFrontInvalidations.Listing
{
    /// <summary>One progress report of a listing, as PowerShell's ProgressRecord takes it (-1: none).</summary>
    /// <param name="Completed">The activity is over: the bar goes.</param>
    internal sealed record ListingProgress(int ActivityId, string Activity, string Status, int ParentActivityId = -1,
        int PercentComplete = -1, bool Completed = false);
}
