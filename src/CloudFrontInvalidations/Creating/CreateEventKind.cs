namespace CloudFrontInvalidations.Creating
{
    internal enum CreateEventKind
    {
        /// <summary>CloudFront created the batch's invalidation (or answered the one its CallerReference already made).</summary>
        Created,
        /// <summary>The batch was refused for another reason than capacity, or its request failed after the SDK's retries.</summary>
        Failed,
        /// <summary>CloudFront answered TooManyInvalidationsInProgress: the batch is sent again after <see cref="CreateEvent.RetryIn"/>.</summary>
        WaitingForCapacity,
        /// <summary>The timeout passed with the owner's batches still refused: <see cref="CreateEvent.Failure"/> names what was not sent.</summary>
        TimedOut,
        /// <summary>
        /// With <see cref="InvalidationCreator.CreateAndWait"/>, once every batch was sent: <see cref="CreateEvent.WaitEvent"/> is what
        /// the wait for the invalidations created reported.
        /// </summary>
        Waited,
    }
}
