using CloudFrontInvalidations.Creating;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>Paths gathered from -Path and the pipeline until every one has arrived.</summary>
    public sealed class PathGathererTests
    {
        [Fact]
        public void Keeps_every_path_of_every_input_in_the_order_given_nulls_and_repeats_included()
        {
            var gatherer = new PathGatherer();

            gatherer.Add(new[] { "/b", "/a" });
            gatherer.Add(null);
            gatherer.Add(new string?[] { null, "" });
            gatherer.Add(new[] { "/a" });

            Assert.Equal(new[] { "/b", "/a", null, "", "/a" }, gatherer.Gathered);
        }

        [Fact]
        public void Gathers_nothing_until_given_something()
        {
            var gatherer = new PathGatherer();

            gatherer.Add(null);

            Assert.Empty(gatherer.Gathered);
        }
    }
}
