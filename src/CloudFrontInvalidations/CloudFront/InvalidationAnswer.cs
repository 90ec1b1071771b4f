using System;
using Amazon.Runtime;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>What an answer carrying one invalidation (GetInvalidation, CreateInvalidation) must hold to be used.</summary>
    internal static class InvalidationAnswer
    {
        /// <summary>The answer's invalidation, which has an Id and a Status: without them it can be neither written nor waited on.</summary>
        /// <param name="answerTo">What was asked, as the message names it: "for invalidation I1 of distribution 'E1'".</param>
        /// <exception cref="IncompleteResponseException">No Invalidation element, or one without its Id or its Status.</exception>
        internal static Invalidation RequireComplete(Invalidation? invalidation, string answerTo) =>
            invalidation?.Id != null && invalidation.Status != null
                ? invalidation
                : throw new IncompleteResponseException($"The answer {answerTo} lacks the Invalidation element, its Id or its Status.");

        /// <summary>
        /// The service answered, but what it said could not be read or used (unreadable, too long, incomplete): for a
        /// CreateInvalidation, the invalidation may well have been created.
        /// </summary>
        internal static bool IsUnusable(Exception failure) => failure is AmazonUnmarshallingException || failure is IncompleteResponseException;
    }
}
