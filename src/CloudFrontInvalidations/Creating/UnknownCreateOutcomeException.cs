using System;
using System.Collections.Generic;
using System.Linq;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// A CreateInvalidation that may or may not have created its invalidation: its answer was lost (a timeout, a broken
    /// connection, a server error after the SDK's retries), incomplete, or -TimeoutSec cut the request short. Reported as
    /// its cause (InnerException, whose ErrorId it keeps) together with the batch's CallerReference and paths, because only
    /// a re-run with that reference is safe: a new reference would create and bill a second invalidation.
    /// </summary>
    internal sealed class UnknownCreateOutcomeException : Exception
    {
        internal UnknownCreateOutcomeException(PlannedBatch batch, Exception cause)
            : base(cause.Message, cause)
        {
            CallerReference = batch.CallerReference;
            Paths = batch.SentPaths;
        }

        internal string CallerReference { get; }
        /// <summary>The batch's paths as they were sent.</summary>
        internal IReadOnlyList<string> Paths { get; }

        /// <summary>What the error message adds: the reference, the paths and how to re-run safely.</summary>
        internal string Advice
        {
            get
            {
                var shown = string.Join(", ", Paths.Take(PlannedBatch.PathsShown));
                if (Paths.Count > PlannedBatch.PathsShown) shown += $", ... ({Paths.Count - PlannedBatch.PathsShown} more; the error's Exception.Data['Paths'] has them all)";
                return $"The invalidation may have been created (CallerReference '{CallerReference}', paths {shown}): " +
                    $"run again with -CallerReference '{CallerReference}' and the same paths: CloudFront answers the invalidation it created, or creates it once.";
            }
        }
    }
}
