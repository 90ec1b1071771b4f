namespace CloudFrontInvalidations.Listing
{
    /// <summary>How far and how one listing pages.</summary>
    internal sealed record ListingOptions
    {
        /// <summary>Start after this item id; null for the first page.</summary>
        public string? StartMarker { get; init; }
        /// <summary>Sent as MaxItems; null lets the service choose (100 on CloudFront).</summary>
        public int? PageSize { get; init; }
        /// <summary>Follow NextMarker until the list is not truncated; otherwise one page.</summary>
        public bool AutoIterate { get; init; } = true;
        /// <summary>-CreatedAfter/-CreatedBefore of an invalidation listing; null: every item.</summary>
        public CreationWindow? Created { get; init; }
    }
}
