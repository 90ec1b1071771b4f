using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// One listing to run, as bound when its input arrived: its pages may be written after later inputs are bound.
    /// </summary>
    /// <param name="SelectedParameterValue">With -Select '^Name': that parameter's value for this input.</param>
    internal sealed record ListingInput(InvalidationOwner Owner, ListingOptions Options, object? SelectedParameterValue = null);
}
