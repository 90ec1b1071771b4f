using System;
using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Creating
{
    /// <summary>
    /// Turns New-CFInvalidation's inputs into the batches it would send, each with the CallerReference it keeps for
    /// every attempt and the description -WhatIf and -Confirm show: everything is checked here, before any request.
    /// </summary>
    internal static class CreationPlanner
    {
        /// <param name="owners">The distributions (or tenants) given; one given twice is sent to once.</param>
        /// <param name="given">The paths gathered (<see cref="PathGatherer"/>).</param>
        /// <param name="pathsQuantity">AWS.Tools' -Paths_Quantity, or null.</param>
        /// <param name="callerReference">-CallerReference, or null for a new reference per batch.</param>
        /// <param name="newReference">Makes a new reference (CallerReferences.New, or the tests' own).</param>
        /// <exception cref="InvalidParameterException">No path, or a -Paths_Quantity that disagrees (<see cref="AwsToolsBatchParameters"/>).</exception>
        internal static CreationPlan Plan(IEnumerable<InvalidationOwner> owners, IReadOnlyList<string?> given, int? pathsQuantity,
            string? callerReference, Func<string> newReference)
        {
            AwsToolsBatchParameters.Reconcile(given.Count, pathsQuantity);
            var prepared = PathPreparation.Prepare(given);
            if (prepared.Problems.Count > 0)
                return new CreationPlan(Array.Empty<PlannedBatch>(), prepared.Problems, Array.Empty<string>(), Array.Empty<string>());

            var notes = prepared.Duplicates > 0
                ? new[] { $"{prepared.Duplicates} path(s) given more than once are sent once." }
                : Array.Empty<string>();
            var batches = owners.Distinct()
                .SelectMany(owner => BatchPlanner.Plan(owner, prepared.Paths, callerReference, newReference)).ToList();
            return new CreationPlan(batches, prepared.Problems, prepared.Warnings, notes);
        }
    }
}
