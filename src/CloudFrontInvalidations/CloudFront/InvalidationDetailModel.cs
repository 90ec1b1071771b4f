using System;
using System.Collections.Generic;
using System.Management.Automation;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    // GetInvalidation and its distribution-tenant form. The wire shapes mirror Amazon.CloudFront.Model
    // (Invalidation.InvalidationBatch.Paths.Items, InvalidationBatch.CallerReference), so scripts written against
    // AWS.Tools' Get-CFInvalidation read the same member paths; Paths and CallerReference are also flat.

    /// <summary>Input of the GetInvalidation operation.</summary>
    internal sealed class GetInvalidationRequest : AmazonWebServiceRequest
    {
        public string? DistributionId { get; set; }
        public string? Id { get; set; }
    }

    /// <summary>Output of the GetInvalidation operation.</summary>
    internal sealed class GetInvalidationResponse : AmazonWebServiceResponse
    {
        public DistributionInvalidation? Invalidation { get; set; }
    }

    /// <summary>Input of the GetInvalidationForDistributionTenant operation.</summary>
    internal sealed class GetInvalidationForDistributionTenantRequest : AmazonWebServiceRequest
    {
        public string? DistributionTenantId { get; set; }
        public string? Id { get; set; }
    }

    /// <summary>Output of the GetInvalidationForDistributionTenant operation.</summary>
    internal sealed class GetInvalidationForDistributionTenantResponse : AmazonWebServiceResponse
    {
        public DistributionTenantInvalidation? Invalidation { get; set; }
    }

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
        public string[] Paths => InvalidationBatch?.Paths?.Items?.ToArray() ?? Array.Empty<string>();

        /// <summary>The unique value the creator of the batch gave it (InvalidationBatch.CallerReference).</summary>
        public string? CallerReference => InvalidationBatch?.CallerReference;

        public bool IsCompleted => string.Equals(Status, CompletedStatus, StringComparison.Ordinal);

        /// <summary>The URL CloudFront gave the invalidation it created (CreateInvalidation's Location); null for one that was read.</summary>
        public string? Location { get; set; }

        /// <summary>
        /// A created invalidation without its Location, for the Invalidation property: AWS.Tools' New-CFInvalidation writes a
        /// CreateInvalidationResponse, whose scripts read .Invalidation.Id and .Invalidation.Status. Null for one that was read.
        /// </summary>
        private protected Invalidation? WithoutLocation()
        {
            if (Location == null) return null;
            var invalidation = (Invalidation)MemberwiseClone();
            invalidation.Location = null;
            return invalidation;
        }

        /// <summary>"distribution 'E1'" or "distribution tenant 'dt_1'".</summary>
        internal abstract string Owner { get; }

        public override string ToString() => Id ?? string.Empty;
    }

    /// <summary>An invalidation of a distribution (GetInvalidation).</summary>
    public sealed class DistributionInvalidation : Invalidation
    {
        /// <summary>The distribution the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionId { get; set; }

        /// <summary>AWS.Tools' member path (see <see cref="Invalidation.WithoutLocation"/>); hidden, as it repeats the object.</summary>
        [Hidden]
        public DistributionInvalidation? Invalidation => (DistributionInvalidation?)WithoutLocation();

        internal override string Owner => $"distribution '{DistributionId}'";
    }

    /// <summary>An invalidation of a distribution tenant (GetInvalidationForDistributionTenant).</summary>
    public sealed class DistributionTenantInvalidation : Invalidation
    {
        /// <summary>The distribution tenant the batch belongs to; not on the wire, set from the request.</summary>
        public string? DistributionTenantId { get; set; }

        /// <summary>AWS.Tools' member path (see <see cref="Invalidation.WithoutLocation"/>); hidden, as it repeats the object.</summary>
        [Hidden]
        public DistributionTenantInvalidation? Invalidation => (DistributionTenantInvalidation?)WithoutLocation();

        internal override string Owner => $"distribution tenant '{DistributionTenantId}'";
    }

    /// <summary>What was invalidated, and the creator's unique reference for it.</summary>
    public sealed class InvalidationBatch
    {
        public Paths? Paths { get; set; }
        public string? CallerReference { get; set; }
    }

    /// <summary>The invalidated paths (AWSSDK.CloudFront's Paths).</summary>
    public sealed class Paths
    {
        public int? Quantity { get; set; }
        public List<string>? Items { get; set; }
    }
}
