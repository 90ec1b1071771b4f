using System.Collections.Generic;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// The paths New-CFInvalidation is given, from -Path and from the pipeline, in the order given. Batches are planned
    /// only once every path has arrived, so paths piped one by one are still sent in as few batches as the limits allow.
    /// </summary>
    internal sealed class PathGatherer
    {
        private readonly List<string?> _gathered = new List<string?>();

        /// <summary>Every path given so far, nulls and repeats included: checking them is the planner's.</summary>
        internal IReadOnlyList<string?> Gathered => _gathered;

        /// <summary>One pipeline input's paths (or -Path's); none when the input bound no path.</summary>
        internal void Add(IEnumerable<string?>? paths)
        {
            if (paths != null) _gathered.AddRange(paths);
        }
    }
}
