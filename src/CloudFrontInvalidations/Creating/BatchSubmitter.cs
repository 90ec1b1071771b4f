using System.Threading;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One CreateInvalidation (or its distribution-tenant form) for a planned batch.</summary>
    internal static class BatchSubmitter
    {
        /// <summary>Blocks on the request (with the SDK's retries, all with the batch's CallerReference).</summary>
        /// <exception cref="IncompleteResponseException">An answer without the Invalidation element, its Id or its Status.</exception>
        internal static Invalidation Submit(Operation<CreateInvalidationRequest, CreateInvalidationResponse> create, PlannedBatch batch,
            CancellationToken cancellationToken)
        {
            var invalidation = create(new CreateInvalidationRequest(batch.Owner, batch.CallerReference, batch.SentPaths), cancellationToken)
                .GetAwaiter().GetResult().Invalidation;
            return InvalidationAnswer.RequireComplete(invalidation, $"to CreateInvalidation for {batch.Owner}");
        }
    }
}
