using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Commands
{
    /// <summary>
    /// One listing of Get-CFInvalidationList (a distribution or a tenant), captured when it is bound: its pages may
    /// be written after later inputs have been bound, so nothing about it may be read from the cmdlet's parameters then.
    /// </summary>
    internal sealed class InvalidationListing
    {
        internal InvalidationListing(InvalidationOwner owner, ListingOptions options, object? selectedParameterValue)
        {
            Owner = owner;
            Options = options;
            SelectedParameterValue = selectedParameterValue;
        }

        internal InvalidationOwner Owner { get; }
        internal ListingOptions Options { get; }
        /// <summary>With -Select '^Name': that parameter's value for this input.</summary>
        internal object? SelectedParameterValue { get; }
        /// <summary>The last page written said the listing has more (so the count seen is not the total).</summary>
        internal bool MoreAfterLastPage { get; set; }
    }
}
