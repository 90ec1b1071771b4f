using System.Threading;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;

namespace CloudFrontInvalidations.Waiting
{
    /// <summary>GetInvalidation or its distribution-tenant form for a target, the result stamped with its owner's id.</summary>
    internal sealed class InvalidationGetter
    {
        private readonly Operation<GetInvalidationRequest, GetInvalidationResponse> _getInvalidation;
        private readonly Operation<GetInvalidationForDistributionTenantRequest, GetInvalidationForDistributionTenantResponse> _getForTenant;

        internal InvalidationGetter(Operation<GetInvalidationRequest, GetInvalidationResponse> getInvalidation,
            Operation<GetInvalidationForDistributionTenantRequest, GetInvalidationForDistributionTenantResponse> getForTenant)
        {
            _getInvalidation = getInvalidation;
            _getForTenant = getForTenant;
        }

        /// <summary>Blocks on the request, as a unit of OrderedFanOut does.</summary>
        /// <exception cref="InvalidListingException">A 200 without the Invalidation element, its Id or its Status.</exception>
        internal Invalidation Get(InvalidationTarget target, CancellationToken cancellationToken)
        {
            Invalidation? invalidation;
            var owner = target.Owner;
            if (!owner.IsTenant)
            {
                var response = _getInvalidation(new GetInvalidationRequest { DistributionId = owner.Id, Id = target.Id },
                    cancellationToken).GetAwaiter().GetResult();
                if (response.Invalidation != null) response.Invalidation.DistributionId = owner.Id;
                invalidation = response.Invalidation;
            }
            else
            {
                var response = _getForTenant(new GetInvalidationForDistributionTenantRequest { DistributionTenantId = owner.Id, Id = target.Id },
                    cancellationToken).GetAwaiter().GetResult();
                if (response.Invalidation != null) response.Invalidation.DistributionTenantId = owner.Id;
                invalidation = response.Invalidation;
            }
            // Without its Status an invalidation can be neither reported nor waited on.
            if (invalidation?.Id == null || invalidation.Status == null)
            {
                throw new InvalidListingException(ListingViolation.IncompleteResponse, target.ToString(), null, 0,
                    $"The answer for {target} lacks the Invalidation element, its Id or its Status.");
            }
            return invalidation;
        }
    }
}
