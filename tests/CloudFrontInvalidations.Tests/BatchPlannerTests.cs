using System;
using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>As few batches as CloudFront's limits allow, each with its own CallerReference.</summary>
    public sealed class BatchPlannerTests
    {
        private static readonly InvalidationOwner Owner = InvalidationOwner.Distribution("E1");
        private int _references;

        private string NewReference() => "ref-" + ++_references;

        private static List<InvalidationPath> Paths(int files, int wildcards, int tags = 0) =>
            Enumerable.Range(0, files).Select(i => "/f" + i)
                .Concat(Enumerable.Range(0, wildcards).Select(i => $"/w{i}/*"))
                .Concat(Enumerable.Range(0, tags).Select(i => "#t" + i))
                .Select(path => PathPreparation.Prepare(new[] { path }).Paths.Single()).ToList();

        [Fact]
        public void Up_to_3000_paths_and_15_wildcards_are_one_batch_with_a_new_reference()
        {
            var batch = Assert.Single(BatchPlanner.Plan(Owner, Paths(2980, 15, 5), null, NewReference));

            Assert.Equal(3000, batch.Paths.Count);
            Assert.Equal(15, batch.Wildcards);
            Assert.Equal(5, batch.Tags);
            Assert.Equal("ref-1", batch.CallerReference);
            Assert.Same(Owner, batch.Owner);
            Assert.Equal("3000 paths (15 wildcards, 5 cache tags) for distribution 'E1'", batch.ToString());
        }

        [Theory]
        [InlineData(3001, 0, 2)]
        [InlineData(6000, 0, 2)]
        [InlineData(6001, 0, 3)]
        [InlineData(0, 16, 2)]
        [InlineData(10, 31, 3)]
        [InlineData(5990, 15, 3)]
        [InlineData(2985, 30, 2)]
        public void More_are_split_into_the_fewest_batches_within_both_limits(int files, int wildcards, int expected)
        {
            var paths = Paths(files, wildcards);

            var batches = BatchPlanner.Plan(Owner, paths, null, NewReference);

            Assert.Equal(expected, batches.Count);
            Assert.All(batches, batch => Assert.InRange(batch.Paths.Count, 1, InvalidationLimits.MaxPathsPerBatch));
            Assert.All(batches, batch => Assert.InRange(batch.Wildcards, 0, InvalidationLimits.MaxWildcardsInProgress));
            // Every path once; within a batch in the order given.
            Assert.Equal(paths.Select(p => p.Sent).OrderBy(p => p, StringComparer.Ordinal),
                batches.SelectMany(b => b.SentPaths).OrderBy(p => p, StringComparer.Ordinal));
            Assert.All(batches, batch => Assert.Equal(batch.Paths.OrderBy(p => paths.IndexOf(p)), batch.Paths));
            Assert.Equal(batches.Count, batches.Select(b => b.CallerReference).Distinct().Count());
        }

        [Fact]
        public void A_given_reference_is_used_as_it_is_for_one_batch_and_derived_the_same_way_again_for_several()
        {
            Assert.Equal("deploy-42", Assert.Single(BatchPlanner.Plan(Owner, Paths(3, 1), "deploy-42", NewReference)).CallerReference);

            var first = BatchPlanner.Plan(Owner, Paths(7000, 0), "deploy-42", NewReference);
            var again = BatchPlanner.Plan(Owner, Paths(7000, 0), "deploy-42", NewReference);

            Assert.Equal(new[] { "deploy-42-1of3", "deploy-42-2of3", "deploy-42-3of3" }, first.Select(b => b.CallerReference));
            Assert.Equal(first.Select(b => b.CallerReference), again.Select(b => b.CallerReference));
            Assert.Equal(first.Select(b => b.SentPaths), again.Select(b => b.SentPaths));
            Assert.Equal(0, _references);
        }

        [Fact]
        public void No_paths_plan_no_batch()
        {
            Assert.Empty(BatchPlanner.Plan(Owner, new List<InvalidationPath>(), null, NewReference));
        }

        [Fact]
        public void A_new_reference_is_unique_and_says_when_it_was_made()
        {
            var now = new DateTime(2026, 12, 1, 22, 30, 5, DateTimeKind.Utc);

            var references = Enumerable.Range(0, 100).Select(_ => CallerReferences.New(now)).ToList();

            Assert.Equal(100, references.Distinct().Count());
            Assert.All(references, r => Assert.Matches(@"\ANew-CFInvalidation-20261201T223005Z-[0-9a-f]{32}\z", r));
        }
    }
}
