namespace CloudFrontInvalidations.Waiting
{
    internal enum WaitEventKind
    {
        /// <summary>The invalidation was seen Completed: <see cref="WaitEvent.Invalidation"/> is that answer.</summary>
        Completed,
        /// <summary>The invalidation cannot be waited on (NoSuchInvalidation, AccessDenied, ...): it leaves the wait.</summary>
        Failed,
        /// <summary>A poll failed in a way that may pass (throttling, 5xx, timeout after the SDK's retries): polled again next round.</summary>
        PollFailed,
        /// <summary>A poll round ended: <see cref="WaitEvent.Progress"/> says where the wait stands.</summary>
        RoundEnded,
        /// <summary>The timeout passed with the invalidation still in progress.</summary>
        TimedOut,
        /// <summary>
        /// Listing what is in progress on an owner failed, or listed an invalidation whose id no request may carry: that
        /// input's error (<see cref="WaitEvent.Activity"/>, <see cref="WaitEvent.FailedId"/>).
        /// </summary>
        ListingFailed,
        /// <summary>A line for -Verbose: <see cref="WaitEvent.Text"/>.</summary>
        Verbose,
    }
}
