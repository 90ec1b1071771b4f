using System.Collections.Generic;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>What <see cref="PathPreparation.Prepare"/> made of the paths given: any problem means nothing may be sent.</summary>
    /// <param name="Paths">The valid paths, encoded, each once, in the order first given.</param>
    /// <param name="Problems">One per invalid path, in the order given.</param>
    /// <param name="Warnings">Paths that are valid but will not do what they seem to ('*' before the end).</param>
    /// <param name="Duplicates">How many paths were left out as repeats of an earlier one.</param>
    internal sealed record PreparedPaths(IReadOnlyList<InvalidationPath> Paths, IReadOnlyList<InvalidPathException> Problems,
        IReadOnlyList<string> Warnings, int Duplicates);
}
