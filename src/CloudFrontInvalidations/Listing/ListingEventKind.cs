namespace CloudFrontInvalidations.Listing
{
    internal enum ListingEventKind
    {
        /// <summary>An object to write: <see cref="ListingEvent.Output"/>, of <see cref="ListingEvent.Owner"/>'s listing.</summary>
        Output,
        /// <summary>A listing failed, after what it delivered (or ListDistributions did, after what was listed before it).</summary>
        Failed,
        /// <summary><see cref="ListingEvent.Progress"/> to show.</summary>
        Progress,
        /// <summary>A line per request: <see cref="ListingEvent.Text"/>.</summary>
        Verbose,
        /// <summary>Something the user should know while the listing goes on: <see cref="ListingEvent.Text"/>.</summary>
        Warning,
        /// <summary>The last event: <see cref="ListingEvent.Seen"/> and whether that is the total (<see cref="ListingEvent.IsSeenExact"/>).</summary>
        Totals,
    }
}
