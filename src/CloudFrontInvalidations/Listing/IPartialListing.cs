namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// A listing that stopped part-way: what was already delivered and where to resume.
    /// </summary>
    public interface IPartialListing
    {
        /// <summary>What was being listed: a distribution id, a tenant id, or the account's distributions.</summary>
        string Target { get; }
        /// <summary>
        /// The Id of the last item delivered: pass it to -Marker to resume after it. Null when no marker resumes the
        /// listing (the account's distributions: -Marker takes an invalidation id).
        /// </summary>
        string? ResumeMarker { get; }
        int ItemsDelivered { get; }
    }
}
