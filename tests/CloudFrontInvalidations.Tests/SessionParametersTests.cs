using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using CloudFrontInvalidations.Commands;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class SessionParametersTests
    {
        private static string? NoEnvironment(string name) => null;

        [Fact]
        public void Has_exactly_the_common_parameters_the_cmdlet_base_declares()
        {
            var declared = typeof(AwsSessionCmdlet).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(property => property.GetCustomAttributes<ParameterAttribute>().Any())
                // -EndpointUrl binds as an EndpointUrl (checked while binding); it is read as its text.
                .Select(property => (property.Name, property.PropertyType == typeof(EndpointUrl) ? typeof(string) : property.PropertyType))
                .OrderBy(p => p.Name);
            var read = typeof(SessionParameters).GetProperties()
                .Select(property => (property.Name, property.PropertyType)).OrderBy(p => p.Name);

            Assert.Equal(declared, read);
        }

        [Fact]
        public void Reads_bound_values_by_name_unwrapping_PSObject_and_ignoring_other_parameters()
        {
            var parameters = SessionParameters.FromBound(new Hashtable
            {
                ["Region"] = new PSObject("eu-west-1"), ["AccessKey"] = "AKID", ["DistributionId"] = "E1", ["ProfileLocation"] = "~/creds",
                ["EndpointUrl"] = new EndpointUrl("http://127.0.0.1:4566"),
            }, path => "/resolved/" + path);
            Assert.Equal("http://127.0.0.1:4566", parameters.EndpointUrl);

            Assert.Equal("eu-west-1", parameters.Region);
            Assert.Equal("AKID", parameters.AccessKey);
            Assert.Equal("/resolved/~/creds", parameters.ProfileLocation);
            Assert.Null(parameters.SecretKey);
        }

        [Fact]
        public void A_value_of_the_wrong_type_counts_as_not_given() =>
            Assert.Null(SessionParameters.FromBound(new Hashtable { ["Region"] = 42 }).Region);

        [Fact]
        public void The_identity_key_tells_identities_apart_and_holds_no_secret()
        {
            var key = SessionParameters.FromBound(new Hashtable { ["AccessKey"] = "AKIDONE", ["SecretKey"] = "top-secret", ["SessionToken"] = "token-value" })
                .IdentityKey(NoEnvironment);
            var other = SessionParameters.FromBound(new Hashtable { ["AccessKey"] = "AKIDTWO", ["SecretKey"] = "top-secret" }).IdentityKey(NoEnvironment);
            var otherProfile = SessionParameters.FromBound(new Hashtable()).IdentityKey(name => name == "AWS_PROFILE" ? "prod" : null);

            Assert.Contains("AKIDONE", key);
            Assert.DoesNotContain("top-secret", key);
            Assert.DoesNotContain("token-value", key);
            Assert.NotEqual(key, other);
            Assert.NotEqual(SessionParameters.FromBound(new Hashtable()).IdentityKey(NoEnvironment), otherProfile);
        }
    }
}
