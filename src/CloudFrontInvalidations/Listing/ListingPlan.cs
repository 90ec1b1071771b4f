using System;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// What one Get-CFInvalidationList invocation runs with, made from its parameters as bound (plain values) and
    /// checked before any request: the engine's options, and each input's listing.
    /// </summary>
    /// <param name="Created">-CreatedAfter/-CreatedBefore, the same for every listing; null: every item.</param>
    internal sealed record ListingPlan(ListingEngineOptions EngineOptions, CreationWindow? Created)
    {
        /// <param name="select">-Select as bound (see <see cref="ResponseSelector"/>).</param>
        /// <param name="skip">-Skip, over everything written.</param>
        /// <param name="first">-First, over everything written; ulong.MaxValue: no limit.</param>
        /// <param name="throttleLimit">Listings running at once.</param>
        /// <exception cref="InvalidParameterException">-Select is none of its forms (checked first).</exception>
        /// <exception cref="InvalidTimeWindowException">-CreatedAfter is not earlier than -CreatedBefore.</exception>
        internal static ListingPlan From(string? select, DateTime? createdAfter, DateTime? createdBefore, ulong skip, ulong first,
            int throttleLimit)
        {
            var selector = ResponseSelector.Parse(select);
            return new ListingPlan(new ListingEngineOptions(selector, skip, first, throttleLimit), CreationWindow.From(createdAfter, createdBefore));
        }

        /// <summary>
        /// One input's listing, from -Marker, -MaxItem and -NoAutoIteration as bound for it (each may come from that
        /// input's pipeline object). As in AWS.Tools, binding -Marker means the caller pages by hand (one page); an
        /// explicit -NoAutoIteration:$false resumes the whole listing from that marker instead.
        /// </summary>
        /// <param name="markerBound">-Marker was bound, even to null.</param>
        /// <param name="noAutoIteration">-NoAutoIteration as bound; null when it was not.</param>
        internal ListingInput InputFor(InvalidationOwner owner, string? marker, bool markerBound, int? maxItem, bool? noAutoIteration) =>
            new ListingInput(owner, new ListingOptions
            {
                StartMarker = marker,
                PageSize = maxItem,
                Created = Created,
                AutoIterate = noAutoIteration.HasValue ? !noAutoIteration.Value : !markerBound,
            });
    }
}
