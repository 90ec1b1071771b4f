using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// One listing to run, as bound when its input arrived: its pages may be written after later inputs are bound.
    /// </summary>
    internal sealed record ListingInput(InvalidationOwner Owner, ListingOptions Options);
}
