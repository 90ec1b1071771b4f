using System.Collections.Generic;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>What <see cref="CreationPlanner.Plan"/> made of New-CFInvalidation's inputs, before any request.</summary>
    /// <param name="Batches">Every batch to send, each owner's in order; none when there is any problem.</param>
    /// <param name="Problems">One per invalid path, in the order given: any problem means nothing may be sent.</param>
    /// <param name="Warnings">Paths that are valid but will not do what they seem to ('*' before the end).</param>
    /// <param name="Notes">What -Verbose says of the paths (repeats sent once).</param>
    internal sealed record CreationPlan(IReadOnlyList<PlannedBatch> Batches, IReadOnlyList<InvalidPathException> Problems,
        IReadOnlyList<string> Warnings, IReadOnlyList<string> Notes);
}
