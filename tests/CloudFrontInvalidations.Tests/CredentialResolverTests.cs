using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    public sealed class CredentialResolverTests
    {
        private static readonly IClientConfig Config = new CloudFrontConfig();

        private static string? Environment(string name) => name switch
        {
            "AWS_ACCESS_KEY_ID" => "AKIDENVIRONMENT",
            "AWS_SECRET_ACCESS_KEY" => "environment-secret",
            _ => null,
        };

        [Fact]
        public void Explicit_keys_win_over_Credential_and_environment()
        {
            var resolved = new CredentialResolver(Environment).Resolve(new SessionParameters
            {
                AccessKey = "AKIDEXPLICIT", SecretKey = "s", SessionToken = "t",
                Credential = new BasicAWSCredentials("AKIDOBJECT", "s"),
            }, ShellDefaults.None, Config);
            var credentials = resolved.Credentials.GetCredentials();
            Assert.Equal("AKIDEXPLICIT", credentials.AccessKey);
            Assert.Equal("t", credentials.Token);
        }

        [Fact]
        public void Credential_object_wins_over_environment() =>
            Assert.Equal("AKIDOBJECT", new CredentialResolver(Environment)
                .Resolve(new SessionParameters { Credential = new BasicAWSCredentials("AKIDOBJECT", "s") }, ShellDefaults.None, Config)
                .Credentials.GetCredentials().AccessKey);

        [Fact]
        public void AccessKey_without_SecretKey_is_an_invalid_parameter() =>
            Assert.Equal("SecretKey", Assert.Throws<InvalidParameterException>(() =>
                new CredentialResolver(Environment).Resolve(new SessionParameters { AccessKey = "AKID" }, ShellDefaults.None, Config)).ParameterName);

        [Fact]
        public void A_Credential_that_is_not_AWSCredentials_is_an_invalid_parameter() =>
            Assert.Equal("Credential", Assert.Throws<InvalidParameterException>(() =>
                new CredentialResolver(Environment).Resolve(new SessionParameters { Credential = "AKID:secret" }, ShellDefaults.None, Config)).ParameterName);

        private static readonly ShellDefaults StoredInSession = new ShellDefaults(new BasicAWSCredentials("AKIDSHELL", "s"), "prod", null);

        [Fact]
        public void Credentials_stored_in_the_session_come_after_the_parameters()
        {
            var resolver = new CredentialResolver(Environment);
            Assert.Equal("AKIDEXPLICIT", resolver.Resolve(new SessionParameters { AccessKey = "AKIDEXPLICIT", SecretKey = "s" }, StoredInSession, Config)
                .Credentials.GetCredentials().AccessKey);
            Assert.Equal("AKIDOBJECT", resolver.Resolve(new SessionParameters { Credential = new BasicAWSCredentials("AKIDOBJECT", "s") }, StoredInSession, Config)
                .Credentials.GetCredentials().AccessKey);
        }

        [Fact]
        public void Credentials_stored_in_the_session_win_over_the_environment_and_say_so()
        {
            var resolved = new CredentialResolver(Environment).Resolve(new SessionParameters(), StoredInSession, Config);
            Assert.Equal("AKIDSHELL", resolved.Credentials.GetCredentials().AccessKey);
            Assert.Equal("$StoredAWSCredentials ('prod'), set in this session by Set-AWSCredential or Initialize-AWSDefaultConfiguration", resolved.Source);
        }
    }
}
