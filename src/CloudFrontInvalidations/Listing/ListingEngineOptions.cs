namespace CloudFrontInvalidations.Listing
{
    /// <summary>What holds across every listing of one invocation.</summary>
    /// <param name="Skip">-Skip, over everything written.</param>
    /// <param name="First">-First, over everything written; ulong.MaxValue: no limit.</param>
    /// <param name="ThrottleLimit">Listings running at once.</param>
    internal sealed record ListingEngineOptions(ResponseSelector Selector, ulong Skip, ulong First, int ThrottleLimit);
}
