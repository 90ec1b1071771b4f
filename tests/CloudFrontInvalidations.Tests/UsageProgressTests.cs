using CloudFrontInvalidations.Usage;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>What Get-CFInvalidationUsage's progress bar says of a count.</summary>
    public sealed class UsageProgressTests
    {
        [Fact]
        public void Says_the_distributions_and_invalidations_counted_of_those_known()
        {
            var progress = new UsageProgress(OwnersDone: 2, OwnersTotal: 5, InvalidationsCounted: 10, InvalidationsFound: 12);

            Assert.Equal("2 of 5 distributions, 10 of 12 invalidations counted", progress.Status);
            Assert.Equal(40, progress.PercentComplete);
        }

        [Fact]
        public void While_the_account_is_listed_the_number_of_distributions_and_the_share_done_are_unknown()
        {
            var progress = new UsageProgress(OwnersDone: 3, OwnersTotal: null, InvalidationsCounted: 7, InvalidationsFound: 9);

            Assert.Equal("3 of ? distributions, 7 of 9 invalidations counted", progress.Status);
            Assert.Equal(-1, progress.PercentComplete);
        }

        [Theory]
        [InlineData(0, 0, -1)]
        [InlineData(0, 3, 0)]
        [InlineData(1, 3, 33)]
        [InlineData(3, 3, 100)]
        public void The_share_done_is_of_the_distributions_known(int done, int total, int percent)
        {
            Assert.Equal(percent, new UsageProgress(done, total, 0, 0).PercentComplete);
        }
    }
}
