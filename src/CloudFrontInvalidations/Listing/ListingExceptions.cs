using System;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// A listing that stopped part-way: what was already delivered and where to resume.
    /// </summary>
    public interface IPartialListing
    {
        /// <summary>What was being listed: a distribution id, a tenant id, or the account's distributions.</summary>
        string Target { get; }
        /// <summary>The Id of the last item delivered: pass it to -Marker to resume after it.</summary>
        string? ResumeMarker { get; }
        int ItemsDelivered { get; }
    }

    /// <summary>How an answer broke the Marker/NextMarker paging contract.</summary>
    public enum ListingViolation
    {
        /// <summary>NextMarker names a marker already sent in this listing: following it would loop.</summary>
        RepeatedNextMarker,
        /// <summary>IsTruncated is true but there is no NextMarker to continue from.</summary>
        TruncatedWithoutNextMarker,
        /// <summary>The XML parsed but lacks its list element (InvalidationList, ...) or an item's Id.</summary>
        IncompleteResponse,
    }

    /// <summary>The service answered, but the answer cannot be followed safely (a paging guard tripped).</summary>
    public sealed class InvalidListingException : Exception, IPartialListing
    {
        public InvalidListingException(ListingViolation violation, string target, string? resumeMarker,
            int itemsDelivered, string message)
            : base(message)
        {
            Violation = violation;
            Target = target;
            ResumeMarker = resumeMarker;
            ItemsDelivered = itemsDelivered;
        }

        public ListingViolation Violation { get; }
        public string Target { get; }
        public string? ResumeMarker { get; }
        public int ItemsDelivered { get; }
    }

    /// <summary>
    /// A request failed after earlier pages were delivered. InnerException is the failure itself
    /// (typically a typed CloudFront or SDK exception).
    /// </summary>
    public sealed class ListingInterruptedException : Exception, IPartialListing
    {
        public ListingInterruptedException(string target, string? resumeMarker, int itemsDelivered, Exception cause)
            : base(cause.Message, cause)
        {
            Target = target;
            ResumeMarker = resumeMarker;
            ItemsDelivered = itemsDelivered;
        }

        public string Target { get; }
        public string? ResumeMarker { get; }
        public int ItemsDelivered { get; }
    }
}
