using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// CloudFront refused a batch because its CallerReference was already used for a batch with other paths
    /// (ErrorId CallerReferenceConflict). InnerException is CloudFront's InvalidArgument answer.
    /// </summary>
    public sealed class CallerReferenceConflictException : Exception
    {
        internal CallerReferenceConflictException(InvalidationOwner owner, string callerReference, InvalidArgumentException answer)
            : base($"The caller reference '{callerReference}' was already used on {owner} for a batch with other paths: " +
                $"CloudFront said \"{answer.Message}\"", answer)
        {
            OwnerId = owner.Id;
            CallerReference = callerReference;
        }

        /// <summary>The distribution (or distribution tenant) the batch was for.</summary>
        public string OwnerId { get; }
        public string CallerReference { get; }

        /// <summary>How CloudFront words this refusal: "...a caller reference that was used for a previous invalidation batch...".</summary>
        internal static bool IsConflict(InvalidArgumentException answer) =>
            answer.Message.IndexOf("caller reference", StringComparison.OrdinalIgnoreCase) >= 0
            || answer.Message.IndexOf("CallerReference", StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
