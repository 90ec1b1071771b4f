using System;
using System.Collections.Generic;
using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>New-CFInvalidation's inputs turned into the batches it would send, everything checked before any request.</summary>
    public sealed class CreationPlannerTests
    {
        private static readonly InvalidationOwner E1 = InvalidationOwner.Distribution("E1");
        private static readonly InvalidationOwner E2 = InvalidationOwner.Distribution("E2");
        private int _references;

        private string NewReference() => "ref-" + ++_references;

        private CreationPlan Plan(IEnumerable<InvalidationOwner> owners, string?[] given, int? pathsQuantity = null, string? callerReference = null) =>
            CreationPlanner.Plan(owners, given, pathsQuantity, callerReference, NewReference);

        [Fact]
        public void Each_owner_given_gets_the_paths_encoded_once_with_a_reference_of_its_own()
        {
            var plan = Plan(new[] { E1, E2, E1 }, new[] { "/read me.html", "/img/*" });

            Assert.Equal(new[] { E1, E2 }, plan.Batches.Select(b => b.Owner));
            Assert.All(plan.Batches, batch => Assert.Equal(new[] { "/read%20me.html", "/img/*" }, batch.SentPaths));
            Assert.Equal(new[] { "ref-1", "ref-2" }, plan.Batches.Select(b => b.CallerReference));
            Assert.Empty(plan.Problems);
            Assert.Empty(plan.Warnings);
            Assert.Empty(plan.Notes);
        }

        [Fact]
        public void A_given_caller_reference_is_every_owners_and_no_new_one_is_made()
        {
            var plan = Plan(new[] { E1, E2 }, new[] { "/a" }, callerReference: "deploy-42");

            Assert.Equal(new[] { "deploy-42", "deploy-42" }, plan.Batches.Select(b => b.CallerReference));
            Assert.Equal(0, _references);
        }

        [Fact]
        public void Any_invalid_path_plans_nothing_and_names_each_one_in_the_order_given()
        {
            var plan = Plan(new[] { E1 }, new[] { "/fine", "no-slash", "/fine", "/img/*.png", null, "#bad,tag" });

            Assert.Empty(plan.Batches);
            Assert.Equal(new[] { "no-slash", "", "#bad,tag" }, plan.Problems.Select(p => p.Path));
            // Nothing else is said about paths that will not be sent, and no reference is made for them.
            Assert.Empty(plan.Warnings);
            Assert.Empty(plan.Notes);
            Assert.Equal(0, _references);
        }

        [Fact]
        public void Repeats_are_sent_once_and_said_so_and_a_star_before_the_end_is_warned_about()
        {
            var plan = Plan(new[] { E1 }, new[] { "/img/*.png", "/a", "/a", "/a" });

            Assert.Equal(new[] { "/img/*.png", "/a" }, Assert.Single(plan.Batches).SentPaths);
            Assert.Equal("2 path(s) given more than once are sent once.", Assert.Single(plan.Notes));
            Assert.Contains("'/img/*.png'", Assert.Single(plan.Warnings));
        }

        [Fact]
        public void No_path_and_a_disagreeing_Paths_Quantity_are_refused_before_any_path_is_checked()
        {
            var none = Assert.Throws<InvalidParameterException>(() => Plan(new[] { E1 }, new string?[0]));
            var disagreeing = Assert.Throws<InvalidParameterException>(() => Plan(new[] { E1 }, new[] { "no-slash", "/b" }, pathsQuantity: 3));

            Assert.Equal("Path", none.ParameterName);
            Assert.Equal("Paths_Quantity", disagreeing.ParameterName);
            Assert.Equal(0, _references);
        }

        [Fact]
        public void Many_paths_are_split_for_each_owner_within_CloudFronts_limits()
        {
            var given = Enumerable.Range(1, 3005).Select(i => "/assets/file-" + i + ".js").ToArray();

            var plan = Plan(new[] { E1, E2 }, given);

            Assert.Equal(new[] { (E1, 3000), (E1, 5), (E2, 3000), (E2, 5) }, plan.Batches.Select(b => (b.Owner, b.Paths.Count)));
            Assert.Equal(4, plan.Batches.Select(b => b.CallerReference).Distinct().Count());
        }
    }
}
