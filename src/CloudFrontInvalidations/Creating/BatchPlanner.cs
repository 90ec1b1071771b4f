using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// Splits an owner's paths into as few batches as CloudFront's limits allow: at most 3,000 paths a batch, and at most 15
    /// wildcards (more could never be in progress at once). Within a batch the paths keep the order given.
    /// </summary>
    internal static class BatchPlanner
    {
        /// <param name="callerReference">-CallerReference, or null for a new reference per batch.</param>
        /// <param name="newReference">Makes a new reference (CallerReferences.New, or the tests' own).</param>
        internal static IReadOnlyList<PlannedBatch> Plan(InvalidationOwner owner, IReadOnlyList<InvalidationPath> paths,
            string? callerReference, Func<string> newReference)
        {
            var wildcards = 0;
            foreach (var path in paths) if (path.Kind == PathKind.Wildcard) wildcards++;
            var count = Math.Max(CeilingDivide(paths.Count, InvalidationLimits.MaxPathsPerBatch),
                CeilingDivide(wildcards, InvalidationLimits.MaxWildcardsInProgress));

            // Wildcards fill the batches 15 at a time, then the other paths fill the room left, batch by batch: with
            // the count above, every path finds room.
            var batchOf = new int[paths.Count];
            var sizes = new int[count];
            var wildcardsPlaced = 0;
            for (var i = 0; i < paths.Count; i++)
            {
                if (paths[i].Kind != PathKind.Wildcard) continue;
                batchOf[i] = wildcardsPlaced++ / InvalidationLimits.MaxWildcardsInProgress;
                sizes[batchOf[i]]++;
            }
            var filling = 0;
            for (var i = 0; i < paths.Count; i++)
            {
                if (paths[i].Kind == PathKind.Wildcard) continue;
                while (sizes[filling] == InvalidationLimits.MaxPathsPerBatch) filling++;
                batchOf[i] = filling;
                sizes[filling]++;
            }

            var batches = new List<PlannedBatch>(count);
            for (var b = 0; b < count; b++)
            {
                var inOrder = new List<InvalidationPath>(sizes[b]);
                for (var i = 0; i < paths.Count; i++) if (batchOf[i] == b) inOrder.Add(paths[i]);
                var reference = callerReference == null ? newReference() : CallerReferences.Derive(callerReference, b + 1, count);
                batches.Add(new PlannedBatch(owner, inOrder, reference, ReferenceGiven: callerReference != null));
            }
            return batches;
        }

        private static int CeilingDivide(int value, int divisor) => (value + divisor - 1) / divisor;
    }
}
