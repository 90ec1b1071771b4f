using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One CreateInvalidation (or its distribution-tenant form) for a planned batch, the result stamped with its owner's id.</summary>
    internal sealed class BatchSubmitter
    {
        private readonly Operation<CreateInvalidationRequest, CreateInvalidationResponse> _create;

        internal BatchSubmitter(Operation<CreateInvalidationRequest, CreateInvalidationResponse> create) => _create = create;

        /// <summary>Blocks on the request (with the SDK's retries, all with the batch's CallerReference).</summary>
        /// <exception cref="InvalidListingException">An answer without the Invalidation element, its Id or its Status.</exception>
        internal Invalidation Submit(PlannedBatch batch, CancellationToken cancellationToken)
        {
            var response = _create(new CreateInvalidationRequest(batch.Owner, batch.CallerReference, batch.SentPaths), cancellationToken)
                .GetAwaiter().GetResult();
            var invalidation = response.Invalidation;
            // Without its Id and Status the invalidation can be neither written nor waited on.
            if (invalidation?.Id == null || invalidation.Status == null)
            {
                throw new InvalidListingException(ListingViolation.IncompleteResponse, batch.Owner.ToString(), null, 0,
                    $"The answer to CreateInvalidation for {batch.Owner} lacks the Invalidation element, its Id or its Status; the batch may have been created (CallerReference '{batch.CallerReference}').");
            }
            switch (invalidation)
            {
                case DistributionInvalidation ofDistribution: ofDistribution.DistributionId = batch.Owner.Id; break;
                case DistributionTenantInvalidation ofTenant: ofTenant.DistributionTenantId = batch.Owner.Id; break;
            }
            return invalidation;
        }
    }
}
