using System.Collections.Generic;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>What <see cref="PathPreparation.Prepare"/> made of the paths given: any problem means nothing may be sent.</summary>
    internal sealed class PreparedPaths
    {
        internal PreparedPaths(IReadOnlyList<InvalidationPath> paths, IReadOnlyList<InvalidPathException> problems,
            IReadOnlyList<string> warnings, int duplicates)
        {
            Paths = paths;
            Problems = problems;
            Warnings = warnings;
            Duplicates = duplicates;
        }

        /// <summary>The valid paths, encoded, each once, in the order first given.</summary>
        internal IReadOnlyList<InvalidationPath> Paths { get; }
        /// <summary>One per invalid path, in the order given.</summary>
        internal IReadOnlyList<InvalidPathException> Problems { get; }
        /// <summary>Paths that are valid but will not do what they seem to ('*' before the end).</summary>
        internal IReadOnlyList<string> Warnings { get; }
        /// <summary>How many paths were left out as repeats of an earlier one.</summary>
        internal int Duplicates { get; }
    }
}
