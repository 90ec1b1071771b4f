using System;
using CloudFrontInvalidations.Usage;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class UsageMonthTests
    {
        private static readonly DateTime Now = new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

        [Fact]
        public void A_calendar_date_names_its_month_as_written_and_the_window_is_that_UTC_month()
        {
            foreach (var date in new[] { new DateTime(2026, 11, 1), new DateTime(2026, 11, 30, 23, 59, 59) })
            {
                var month = UsageMonth.From(date, Now);

                Assert.Equal("2026-11", month.Name);
                Assert.Equal(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc), month.StartUtc);
                Assert.Equal(DateTimeKind.Utc, month.StartUtc.Kind);
                Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), month.EndUtc);
            }
        }

        [Theory]
        [InlineData("2026-11-01T00:00:00Z", "2026-11")]
        [InlineData("2026-11-30T23:59:59Z", "2026-11")]
        [InlineData("2026-12-01T00:00:00Z", "2026-12")]
        public void An_instant_names_its_UTC_month_whether_given_in_UTC_or_local_time(string utc, string expected)
        {
            var instant = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal);
            var local = instant.ToLocalTime();

            Assert.Equal(DateTimeKind.Utc, instant.Kind);
            Assert.Equal(DateTimeKind.Local, local.Kind);
            Assert.Equal(expected, UsageMonth.From(instant, Now).Name);
            Assert.Equal(expected, UsageMonth.From(local, Now).Name);
        }

        [Fact]
        public void An_instant_east_of_UTC_already_in_the_next_local_month_names_the_UTC_month_that_has_begun()
        {
            // 2026-12-01 05:00 at UTC+14 is 2026-11-30 15:00 UTC; "now" is an hour later.
            var nowUtc = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
            var ahead = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.FromHours(14));

            Assert.Equal("2026-11", UsageMonth.From(ahead.UtcDateTime, nowUtc).Name);
            Assert.Equal("2026-11", UsageMonth.From(ahead.LocalDateTime, nowUtc).Name);
            Assert.Throws<InvalidUsageMonthException>(() => UsageMonth.From(ahead.DateTime, nowUtc));
        }

        [Fact]
        public void Without_a_date_it_is_the_UTC_month_now_and_December_ends_at_the_new_year()
        {
            var month = UsageMonth.From(null, Now);

            Assert.Equal("2026-12", month.Name);
            Assert.Equal(new DateTime(2027, 1, 1, 0, 0, 0, DateTimeKind.Utc), month.EndUtc);
        }

        [Fact]
        public void The_window_holds_its_first_instant_and_not_the_next_months()
        {
            var window = UsageMonth.From(new DateTime(2026, 11, 15), Now).Window;

            Assert.True(window.Contains(new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.True(window.Contains(new DateTime(2026, 11, 30, 23, 59, 59, 999, DateTimeKind.Utc)));
            Assert.False(window.Contains(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc)));
            Assert.False(window.Contains(new DateTime(2026, 10, 31, 23, 59, 59, 999, DateTimeKind.Utc)));
            Assert.True(window.IsOlder(new DateTime(2026, 10, 31, 23, 59, 59, 999, DateTimeKind.Utc)));
        }

        [Fact]
        public void A_month_that_has_not_begun_in_UTC_is_refused()
        {
            var failure = Assert.Throws<InvalidUsageMonthException>(() => UsageMonth.From(new DateTime(2027, 1, 1), Now));

            Assert.Equal("2027-01", failure.Month);
            Assert.Contains("has not begun", failure.Message);
        }

        [Theory]
        [InlineData(2026, 12, false)]
        [InlineData(2026, 11, false)]
        [InlineData(2026, 10, true)]
        [InlineData(2025, 12, true)]
        public void The_history_CloudFront_lists_is_the_current_and_previous_month(int year, int month, bool beyond)
        {
            Assert.Equal(beyond, UsageMonth.From(new DateTime(year, month, 1), Now).IsBeyondHistory(Now));
        }
    }
}
