using System.Linq;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Creating;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>What -WhatIf, -Confirm and -Verbose say of a batch before it is sent.</summary>
    public sealed class PlannedBatchTests
    {
        private const string Cost = "Each path counts toward the account's 1,000 free invalidation paths a month (then billed per path).";

        private static PlannedBatch Batch(InvalidationOwner owner, params string[] paths) =>
            new PlannedBatch(owner, PathPreparation.Prepare(paths).Paths, "ref-1");

        [Fact]
        public void Describes_the_owner_the_counts_the_reference_the_first_five_paths_as_sent_and_the_cost()
        {
            var batch = Batch(InvalidationOwner.Distribution("EWHATIF"), "/read me.html", "/img/*", "#product-1", "/b", "/c", "/d", "/e");

            Assert.Equal("CreateInvalidation of 7 paths (1 wildcard, 1 cache tag) for distribution 'EWHATIF' with CallerReference 'ref-1': " +
                "/read%20me.html, /img/*, #product-1, /b, /c, ... (2 more). " + Cost, batch.Description);
        }

        [Fact]
        public void Shows_every_path_of_a_batch_of_five_or_fewer()
        {
            var five = Batch(InvalidationOwner.Distribution("E1"), "/1", "/2", "/3", "/4", "/5");
            var one = Batch(InvalidationOwner.Tenant("dt_1"), "/only");

            Assert.Equal("CreateInvalidation of 5 paths (0 wildcards, 0 cache tags) for distribution 'E1' with CallerReference 'ref-1': " +
                "/1, /2, /3, /4, /5. " + Cost, five.Description);
            Assert.Equal("CreateInvalidation of 1 path (0 wildcards, 0 cache tags) for distribution tenant 'dt_1' with CallerReference 'ref-1': " +
                "/only. " + Cost, one.Description);
        }

        [Fact]
        public void WhatIf_names_a_given_reference_and_calls_a_made_one_new_since_a_real_run_makes_another()
        {
            var paths = PathPreparation.Prepare(new[] { "/a" }).Paths;
            var made = new PlannedBatch(InvalidationOwner.Distribution("E1"), paths, "New-CFInvalidation-20261202T000000Z-0123");
            var given = new PlannedBatch(InvalidationOwner.Distribution("E1"), paths, "deploy-9", ReferenceGiven: true);

            Assert.Equal("CreateInvalidation of 1 path (0 wildcards, 0 cache tags) for distribution 'E1' with a new CallerReference " +
                "(New-CFInvalidation-<UTC time>-<random>): /a. " + Cost, made.WhatIfDescription);
            Assert.Equal(given.Description, given.WhatIfDescription);
            Assert.Contains("with CallerReference 'deploy-9'", given.WhatIfDescription);
        }

        [Fact]
        public void Confirm_asks_about_what_WhatIf_describes()
        {
            var batch = Batch(InvalidationOwner.Distribution("E1"), Enumerable.Range(0, 20).Select(i => "/p" + i).ToArray());

            Assert.Equal("Create an invalidation? " + batch.Description, batch.ConfirmQuestion);
            Assert.EndsWith("/p0, /p1, /p2, /p3, /p4, ... (15 more). " + Cost, batch.ConfirmQuestion);
        }
    }
}
