using System;
using System.Collections.Generic;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Listing;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Get-CFInvalidationList's parameters, as bound, into the engine's options and each input's listing.</summary>
    public sealed class ListingPlanTests
    {
        private static readonly DateTime Noon = new DateTime(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);
        private static readonly InvalidationOwner E1 = InvalidationOwner.Distribution("E1");

        private static ListingPlan Plan(string? select = null, DateTime? createdAfter = null, DateTime? createdBefore = null) =>
            ListingPlan.From(select, createdAfter, createdBefore, skip: 2, first: 5, throttleLimit: 3);

        [Fact]
        public void Skip_First_and_ThrottleLimit_go_to_the_engine_with_the_default_selector()
        {
            var options = Plan().EngineOptions;
            Assert.Equal((2UL, 5UL, 3), (options.Skip, options.First, options.ThrottleLimit));
            var item = new InvalidationSummary { Id = "I1" };
            var response = new ListInvalidationsResponse { InvalidationList = new InvalidationList { Items = new List<InvalidationSummary> { item } } };
            Assert.Same(item, Assert.Single(options.Selector.Select(response)));
        }

        [Fact]
        public void A_parameter_selector_is_parsed()
        {
            Assert.Equal("DistributionId", Plan("^distributionid").EngineOptions.Selector.ParameterName);
        }

        [Fact]
        public void Without_CreatedAfter_or_CreatedBefore_every_listing_takes_every_item()
        {
            var plan = Plan();
            Assert.Null(plan.Created);
            Assert.Null(plan.InputFor(E1, null, markerBound: false, null, null).Options.Created);
        }

        [Fact]
        public void Every_input_s_listing_has_the_invocation_s_time_window()
        {
            var plan = Plan(createdAfter: Noon, createdBefore: Noon.AddDays(1));
            Assert.Equal(new CreationWindow(Noon, Noon.AddDays(1)), plan.Created);
            Assert.Equal(plan.Created, plan.InputFor(E1, null, markerBound: false, null, null).Options.Created);
            Assert.Equal(plan.Created, plan.InputFor(InvalidationOwner.Tenant("dt_1"), "I9", markerBound: true, 10, true).Options.Created);
        }

        [Fact]
        public void An_empty_time_window_is_refused()
        {
            var error = Assert.Throws<InvalidTimeWindowException>(() => Plan(createdAfter: Noon, createdBefore: Noon));
            Assert.Equal(Noon, error.CreatedAfterUtc);
        }

        [Fact]
        public void An_invalid_Select_is_refused_before_the_time_window_is_looked_at()
        {
            var error = Assert.Throws<InvalidParameterException>(() => Plan("InvalidationList.Nope", Noon, Noon.AddHours(-1)));
            Assert.Equal("Select", error.ParameterName);
        }

        [Fact]
        public void An_input_s_listing_starts_at_its_marker_with_its_page_size()
        {
            var input = Plan().InputFor(E1, "I7", markerBound: true, 25, null);
            Assert.Equal(E1, input.Owner);
            Assert.Equal(("I7", (int?)25), (input.Options.StartMarker, input.Options.PageSize));
        }

        /// <summary>AWS.Tools' rule: -Marker alone pages by hand; -NoAutoIteration, when bound, decides either way.</summary>
        [Theory]
        [InlineData(false, null, true)]
        [InlineData(true, null, false)]
        [InlineData(true, false, true)]
        [InlineData(true, true, false)]
        [InlineData(false, true, false)]
        [InlineData(false, false, true)]
        public void Auto_iteration_follows_Marker_and_NoAutoIteration_as_bound(bool markerBound, bool? noAutoIteration, bool autoIterate)
        {
            Assert.Equal(autoIterate, Plan().InputFor(E1, markerBound ? "I7" : null, markerBound, null, noAutoIteration).Options.AutoIterate);
        }

        [Fact]
        public void A_Marker_bound_to_null_still_means_one_page()
        {
            var options = Plan().InputFor(E1, null, markerBound: true, null, null).Options;
            Assert.Null(options.StartMarker);
            Assert.False(options.AutoIterate);
        }
    }
}
