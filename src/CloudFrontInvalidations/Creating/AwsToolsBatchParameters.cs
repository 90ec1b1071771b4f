using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// AWS.Tools' New-CFInvalidation takes the batch as its request model's members. -Paths_Item and
    /// -InvalidationBatch_Paths_Items are aliases of -Path, -InvalidationBatch_CallerReference of -CallerReference;
    /// -Paths_Quantity, the count that model carries beside its paths, has no use of its own here, so it is held to the
    /// paths given: a script whose count and paths disagree sends nothing rather than a batch it did not mean.
    /// </summary>
    internal static class AwsToolsBatchParameters
    {
        /// <param name="pathsGiven">How many paths were given, repeats and invalid ones included.</param>
        /// <param name="pathsQuantity">-Paths_Quantity, or null when not given.</param>
        /// <exception cref="InvalidParameterException">No path was given (Path), or -Paths_Quantity is not their number (Paths_Quantity).</exception>
        internal static void Reconcile(int pathsGiven, int? pathsQuantity)
        {
            if (pathsGiven == 0) throw new InvalidParameterException("Path", "Give at least one path (-Path, or paths from the pipeline).");
            if (pathsQuantity is int quantity && quantity != pathsGiven)
            {
                throw new InvalidParameterException("Paths_Quantity",
                    $"-Paths_Quantity is {quantity} but {pathsGiven} path(s) were given; nothing was sent.");
            }
        }
    }
}
