using System.Linq;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class PagingWindowTests
    {
        [Fact]
        public void Skips_then_writes_First_and_counts_everything_offered()
        {
            var window = new PagingWindow(skip: 2, first: 3);
            var admitted = Enumerable.Range(0, 10).Where(_ => window.Admit()).ToList();
            Assert.Equal(new[] { 2, 3, 4 }, admitted);
            Assert.True(window.IsFull);
            Assert.Equal(10UL, window.Seen);
            Assert.True(window.IsSeenExact);
            window.MarkIncomplete();
            Assert.False(window.IsSeenExact);
        }

        [Fact]
        public void First_zero_is_full_from_the_start() => Assert.True(new PagingWindow(0, 0).IsFull);
    }
}
