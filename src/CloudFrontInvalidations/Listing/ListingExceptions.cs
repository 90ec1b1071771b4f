using System;

namespace CloudFrontInvalidations.Listing
{
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
    /// A request failed after earlier pages were delivered, or ListDistributions failed (then ItemsDelivered counts the
    /// invalidations the command wrote, and no ResumeMarker applies: <see cref="DistributionLister.AsCommandFailure"/>).
    /// InnerException is the failure itself (typically a typed CloudFront or SDK exception).
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
