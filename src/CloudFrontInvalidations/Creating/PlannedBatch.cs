using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>One CreateInvalidation to send: its owner, its paths as sent and its CallerReference, fixed before the first attempt.</summary>
    internal sealed class PlannedBatch
    {
        internal PlannedBatch(InvalidationOwner owner, IReadOnlyList<InvalidationPath> paths, string callerReference)
        {
            Owner = owner;
            Paths = paths;
            CallerReference = callerReference;
            Wildcards = paths.Count(path => path.Kind == PathKind.Wildcard);
            Tags = paths.Count(path => path.Kind == PathKind.Tag);
        }

        internal InvalidationOwner Owner { get; }
        internal IReadOnlyList<InvalidationPath> Paths { get; }
        internal string CallerReference { get; }
        internal int Wildcards { get; }
        internal int Tags { get; }

        /// <summary>The paths as they go on the wire, in order.</summary>
        internal IReadOnlyList<string> SentPaths => Paths.Select(path => path.Sent).ToList();

        /// <summary>"3 paths (1 wildcard, 0 cache tags) for distribution 'E1'".</summary>
        public override string ToString() =>
            $"{Paths.Count} path{(Paths.Count == 1 ? "" : "s")} ({Wildcards} wildcard{(Wildcards == 1 ? "" : "s")}, {Tags} cache tag{(Tags == 1 ? "" : "s")}) for {Owner}";
    }
}
