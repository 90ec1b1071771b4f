using System;
using CloudFrontInvalidations.Listing;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class CreationWindowTests
    {
        private static readonly DateTime Instant = new DateTime(2026, 10, 31, 12, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void No_bound_is_no_window()
        {
            Assert.Null(CreationWindow.From(null, null));
        }

        [Fact]
        public void Local_unspecified_and_utc_kinds_name_the_same_instant_when_they_should()
        {
            var local = Instant.ToLocalTime();
            var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
            foreach (var after in new[] { Instant, local, unspecified })
            {
                var window = CreationWindow.From(after, null)!;
                Assert.Equal(Instant, window.AfterUtc);
                Assert.Equal(DateTimeKind.Utc, window.AfterUtc!.Value.Kind);
            }
        }

        [Fact]
        public void The_window_is_half_open()
        {
            var window = CreationWindow.From(Instant, Instant.AddHours(1))!;
            Assert.True(window.Contains(Instant));
            Assert.False(window.Contains(Instant.AddTicks(-1)));
            Assert.True(window.Contains(Instant.AddHours(1).AddTicks(-1)));
            Assert.False(window.Contains(Instant.AddHours(1)));
            Assert.True(window.IsOlder(Instant.AddTicks(-1)));
            Assert.False(window.IsOlder(Instant));
        }

        [Fact]
        public void A_missing_create_time_is_outside_and_never_older()
        {
            var window = CreationWindow.From(Instant, null)!;
            Assert.False(window.Contains(null));
            Assert.False(window.IsOlder(null));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void Empty_or_inverted_windows_are_rejected(int hoursApart)
        {
            var error = Assert.Throws<InvalidTimeWindowException>(() => CreationWindow.From(Instant, Instant.AddHours(hoursApart)));
            Assert.Equal(Instant, error.CreatedAfterUtc);
            Assert.Contains("must be earlier than -CreatedBefore", error.Message);
            // As the user gave them: local times with their offset, not UTC.
            Assert.Contains($"-CreatedAfter ({Instant.ToLocalTime():yyyy-MM-dd'T'HH:mm:ss.fff}", error.Message);
            Assert.Contains(new DateTimeOffset(Instant).ToLocalTime().ToString("zzz", System.Globalization.CultureInfo.InvariantCulture) + ")", error.Message);
        }

        [Fact]
        public void An_inverted_window_across_kinds_is_compared_as_instants()
        {
            // One minute later as an instant, but an earlier clock reading when the local zone is east of UTC.
            var localLater = Instant.AddMinutes(1).ToLocalTime();
            Assert.NotNull(CreationWindow.From(Instant, localLater));
            Assert.Throws<InvalidTimeWindowException>(() => CreationWindow.From(localLater, Instant));
        }
    }
}
