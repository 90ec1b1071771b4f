using System;

namespace CloudFrontInvalidations.Listing
{
    /// <summary>
    /// -CreatedAfter / -CreatedBefore: the instants an invalidation's CreateTime must fall between, half-open
    /// [after, before) so that consecutive windows tile without overlap. Kinds as PowerShell users expect: a Local
    /// or Unspecified DateTime is local time, a Utc one is UTC; both are compared as instants.
    /// </summary>
    /// <param name="AfterUtc">Inclusive lower bound (UTC), or null.</param>
    /// <param name="BeforeUtc">Exclusive upper bound (UTC), or null.</param>
    internal sealed record CreationWindow(DateTime? AfterUtc, DateTime? BeforeUtc)
    {
        /// <summary>Null when neither bound is given (no window: every item).</summary>
        /// <exception cref="InvalidTimeWindowException">The window holds no instant.</exception>
        internal static CreationWindow? From(DateTime? createdAfter, DateTime? createdBefore)
        {
            if (createdAfter == null && createdBefore == null) return null;
            // ToUniversalTime treats Unspecified as local, and leaves Utc alone.
            var after = createdAfter?.ToUniversalTime();
            var before = createdBefore?.ToUniversalTime();
            if (after >= before)
                throw new InvalidTimeWindowException(after!.Value, before!.Value);
            return new CreationWindow(after, before);
        }

        /// <summary>
        /// Inside the window. An item without a CreateTime cannot be placed in time, so it is outside any window.
        /// </summary>
        internal bool Contains(DateTime? createTime) =>
            createTime is DateTime time && !(time < AfterUtc) && !(time >= BeforeUtc);

        /// <summary>
        /// Older than the window: with items listed newest first, nothing after it can be inside. An item without
        /// a CreateTime says nothing about what follows, so it never stops a listing.
        /// </summary>
        internal bool IsOlder(DateTime? createTime) => createTime is DateTime time && time < AfterUtc;
    }
}
