using System;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// One invalidation batch with what it invalidated. Written to the pipeline as a
    /// <see cref="DistributionInvalidation"/> or a <see cref="DistributionTenantInvalidation"/>: each carries only
    /// its own owner's id, so piping it on binds the right parameter set by property name.
    /// </summary>
    public abstract class Invalidation
    {
        /// <summary>The Status of an invalidation whose paths are cleared from every edge cache.</summary>
        public const string CompletedStatus = "Completed";

        public string? Id { get; set; }
        /// <summary>InProgress or Completed.</summary>
        public string? Status { get; set; }
        /// <summary>When the batch was created, in UTC; null when the response did not say.</summary>
        public DateTime? CreateTime { get; set; }
        public InvalidationBatch? InvalidationBatch { get; set; }

        /// <summary>The paths invalidated, in the service's order (InvalidationBatch.Paths.Items); empty when none were sent.</summary>
        public PathList Paths => new PathList(InvalidationBatch?.Paths?.Items?.ToArray() ?? Array.Empty<string>());

        /// <summary>The unique value the creator of the batch gave it (InvalidationBatch.CallerReference).</summary>
        public string? CallerReference => InvalidationBatch?.CallerReference;

        public bool IsCompleted => string.Equals(Status, CompletedStatus, StringComparison.Ordinal);

        /// <summary>The URL CloudFront gave the invalidation it created (CreateInvalidation's Location); null for one that was read.</summary>
        public string? Location { get; set; }

        /// <summary>
        /// A created invalidation without its Location, for the owner types' Invalidation property: AWS.Tools' New-CFInvalidation
        /// writes a CreateInvalidationResponse, whose scripts read .Invalidation.Id and .Invalidation.Status. Null for one that was read.
        /// </summary>
        private protected Invalidation? WithoutLocation()
        {
            if (Location == null) return null;
            var invalidation = (Invalidation)MemberwiseClone();
            invalidation.Location = null;
            return invalidation;
        }

        /// <summary>An empty invalidation of the owner's type, stamped with the owner's id (which is not on the wire).</summary>
        internal static Invalidation Of(InvalidationOwner owner) => owner.IsTenant
            ? new DistributionTenantInvalidation { DistributionTenantId = owner.Id }
            : new DistributionInvalidation { DistributionId = owner.Id };

        public override string ToString() => Id ?? string.Empty;
    }
}
