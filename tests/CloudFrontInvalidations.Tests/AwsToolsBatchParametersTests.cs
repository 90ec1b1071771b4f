using CloudFrontInvalidations.Creating;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>AWS.Tools' -Paths_Quantity held to the paths given, and at least one path.</summary>
    public sealed class AwsToolsBatchParametersTests
    {
        [Theory]
        [InlineData(1, null)]
        [InlineData(3, null)]
        [InlineData(3, 3)]
        public void Paths_with_no_count_or_their_own_count_are_accepted(int pathsGiven, int? pathsQuantity)
        {
            AwsToolsBatchParameters.Reconcile(pathsGiven, pathsQuantity);
        }

        [Theory]
        [InlineData(null)]
        [InlineData(0)]
        [InlineData(2)]
        public void No_path_is_refused_as_Path_whatever_the_count(int? pathsQuantity)
        {
            var refused = Assert.Throws<InvalidParameterException>(() => AwsToolsBatchParameters.Reconcile(0, pathsQuantity));

            Assert.Equal("Path", refused.ParameterName);
            Assert.Equal("Give at least one path (-Path, or paths from the pipeline).", refused.Message);
        }

        [Theory]
        [InlineData(2, 3)]
        [InlineData(2, 1)]
        [InlineData(2, 0)]
        [InlineData(2, -2)]
        public void A_count_other_than_the_paths_given_is_refused_as_Paths_Quantity(int pathsGiven, int pathsQuantity)
        {
            var refused = Assert.Throws<InvalidParameterException>(() => AwsToolsBatchParameters.Reconcile(pathsGiven, pathsQuantity));

            Assert.Equal("Paths_Quantity", refused.ParameterName);
            Assert.Equal($"-Paths_Quantity is {pathsQuantity} but {pathsGiven} path(s) were given; nothing was sent.", refused.Message);
        }
    }
}
