namespace CloudFrontInvalidations.Listing
{
    /// <summary>How an answer broke the Marker/NextMarker paging contract.</summary>
    public enum ListingViolation
    {
        /// <summary>NextMarker names a marker already sent in this listing: following it would loop.</summary>
        RepeatedNextMarker,
        /// <summary>IsTruncated is true but there is no NextMarker to continue from.</summary>
        TruncatedWithoutNextMarker,
    }
}
