using System;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// CloudFront refused a batch because its CallerReference was already used for a batch with other paths
    /// (ErrorId CallerReferenceConflict). InnerException is CloudFront's answer: InvalidationBatchAlreadyExists, as the API
    /// reference documents it, or the InvalidArgument CloudFront has been seen to send.
    /// </summary>
    public sealed class CallerReferenceConflictException : Exception
    {
        internal CallerReferenceConflictException(InvalidationOwner owner, string callerReference, CloudFrontServiceException answer)
            : base($"The caller reference '{callerReference}' was already used on {owner} for a batch with other paths: " +
                $"CloudFront said \"{answer.Message}\"", answer)
        {
            OwnerId = owner.Id;
            CallerReference = callerReference;
        }

        /// <summary>The distribution (or distribution tenant) the batch was for.</summary>
        public string OwnerId { get; }
        public string CallerReference { get; }

        /// <summary>
        /// The documented code, or an InvalidArgument worded as CloudFront words this refusal ("...a caller reference that was
        /// already used for a previous invalidation batch..."); an InvalidArgument that only names the reference (too long, say) is not one.
        /// </summary>
        internal static bool IsConflict(CloudFrontServiceException answer) =>
            answer.ErrorCode == "InvalidationBatchAlreadyExists"
            || (answer is InvalidArgumentException && answer.Message.IndexOf("previous invalidation batch", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
