using System;

namespace CloudFrontInvalidations
{
    /// <summary>
    /// A listing that stopped part-way: what was already delivered and where to resume.
    /// </summary>
    public interface IPartialListing
    {
        string DistributionId { get; }
        /// <summary>The marker of the request that failed: pass it to -Marker to resume.</summary>
        string? ResumeMarker { get; }
        int ItemsDelivered { get; }
    }

    /// <summary>The service answered, but the answer cannot be followed safely (a paging guard tripped).</summary>
    public sealed class InvalidListingException : Exception, IPartialListing
    {
        public InvalidListingException(string distributionId, string? resumeMarker, int itemsDelivered, string message)
            : base(message)
        {
            DistributionId = distributionId;
            ResumeMarker = resumeMarker;
            ItemsDelivered = itemsDelivered;
        }

        public string DistributionId { get; }
        public string? ResumeMarker { get; }
        public int ItemsDelivered { get; }
    }

    /// <summary>
    /// A request failed after earlier pages were delivered. InnerException is the failure itself
    /// (typically a typed CloudFront or SDK exception).
    /// </summary>
    public sealed class ListingInterruptedException : Exception, IPartialListing
    {
        public ListingInterruptedException(string distributionId, string? resumeMarker, int itemsDelivered, Exception cause)
            : base(cause.Message, cause)
        {
            DistributionId = distributionId;
            ResumeMarker = resumeMarker;
            ItemsDelivered = itemsDelivered;
        }

        public string DistributionId { get; }
        public string? ResumeMarker { get; }
        public int ItemsDelivered { get; }
    }
}
