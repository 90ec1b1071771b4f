using System;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Session
{
    /// <summary>
    /// Picks the credentials for one invocation. Precedence, first match wins (AWS.Tools' parameters first,
    /// then the AWS CLI / boto3 order):
    /// <list type="number">
    /// <item>-AccessKey and -SecretKey (with -SessionToken if given)</item>
    /// <item>-Credential</item>
    /// <item>-ProfileName (in -ProfileLocation if given); a missing profile is an error</item>
    /// <item>what AWS.Tools' Set-AWSCredential or Initialize-AWSDefaultConfiguration stored in the session (<see cref="ShellDefaults"/>)</item>
    /// <item>AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN)</item>
    /// <item>AWS_PROFILE; a missing profile is an error</item>
    /// <item>the "default" profile, if it exists</item>
    /// <item>AWSSDK.Core's default chain for what remains: web identity, container, then EC2 instance credentials</item>
    /// </list>
    /// Profiles are read by AWSSDK.Core (AWS_SHARED_CREDENTIALS_FILE, AWS_CONFIG_FILE, assume-role, SSO,
    /// credential_process...). The credentials are fetched once here so that a failure ends the invocation
    /// with one error instead of one per pipeline input.
    /// </summary>
    internal sealed class CredentialResolver
    {
        internal const string DefaultProfileName = "default";

        private readonly Func<string, string?> _environment;

        /// <param name="environment">Reads an environment variable (injected for tests).</param>
        public CredentialResolver(Func<string, string?> environment)
        {
            _environment = environment;
        }

        public ResolvedCredentials Resolve(SessionParameters parameters, ShellDefaults shell, IClientConfig config)
        {
            var resolved = Choose(parameters, shell, config);
            try
            {
                resolved.Credentials.GetCredentials();
            }
            catch (Exception failure) when (!(failure is CredentialsUnavailableException))
            {
                throw new CredentialsUnavailableException($"Could not get credentials from {resolved.Source}: {failure.Message}", failure);
            }
            return resolved;
        }

        private ResolvedCredentials Choose(SessionParameters parameters, ShellDefaults shell, IClientConfig config)
        {
            if (parameters.AccessKey != null || parameters.SecretKey != null)
                return new ResolvedCredentials(FromKeys(parameters), "-AccessKey/-SecretKey");
            if (parameters.Credential != null)
                return new ResolvedCredentials(CredentialArgument.ToAwsCredentials(parameters.Credential), "-Credential");
            if (!string.IsNullOrEmpty(parameters.ProfileName))
                return FromProfile(parameters.ProfileName!, parameters.ProfileLocation, "-ProfileName");
            if (shell.Credentials != null)
                return new ResolvedCredentials(CredentialArgument.ToAwsCredentials(shell.Credentials), shell.CredentialsSource);
            if (!string.IsNullOrEmpty(_environment(EnvironmentVariablesAWSCredentials.ENVIRONMENT_VARIABLE_ACCESSKEY))
                && !string.IsNullOrEmpty(_environment(EnvironmentVariablesAWSCredentials.ENVIRONMENT_VARIABLE_SECRETKEY)))
                return new ResolvedCredentials(new EnvironmentVariablesAWSCredentials(), "the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY environment variables");
            var environmentProfile = _environment("AWS_PROFILE");
            if (!string.IsNullOrEmpty(environmentProfile))
                return FromProfile(environmentProfile!, parameters.ProfileLocation, "AWS_PROFILE");
            if (new CredentialProfileStoreChain(parameters.ProfileLocation).TryGetProfile(DefaultProfileName, out _))
                return FromProfile(DefaultProfileName, parameters.ProfileLocation, "the default profile");
            return FromDefaultChain(config);
        }

        private static AWSCredentials FromKeys(SessionParameters parameters)
        {
            if (string.IsNullOrEmpty(parameters.AccessKey) || string.IsNullOrEmpty(parameters.SecretKey))
                throw new InvalidParameterException(string.IsNullOrEmpty(parameters.AccessKey) ? "AccessKey" : "SecretKey",
                    "-AccessKey and -SecretKey go together: give both (and -SessionToken for temporary credentials).");
            return string.IsNullOrEmpty(parameters.SessionToken)
                ? new BasicAWSCredentials(parameters.AccessKey, parameters.SecretKey)
                : (AWSCredentials)new SessionAWSCredentials(parameters.AccessKey, parameters.SecretKey, parameters.SessionToken);
        }

        private static ResolvedCredentials FromProfile(string profileName, string? profileLocation, string origin)
        {
            var store = new CredentialProfileStoreChain(profileLocation);
            var source = $"profile '{profileName}' ({origin})";
            if (!store.TryGetProfile(profileName, out var profile))
            {
                var where = string.IsNullOrEmpty(profileLocation) ? "the shared credentials and config files" : $"'{profileLocation}'";
                throw new ProfileNotFoundException(
                    $"The profile '{profileName}' ({origin}) was not found in {where}.");
            }
            try
            {
                return new ResolvedCredentials(AWSCredentialsFactory.GetAWSCredentials(profile, store), source);
            }
            catch (Exception failure)
            {
                throw new CredentialsUnavailableException($"The {source} cannot give credentials: {failure.Message}", failure);
            }
        }

        private static ResolvedCredentials FromDefaultChain(IClientConfig config)
        {
            const string source = "container or instance credentials";
            try
            {
                return new ResolvedCredentials(new DefaultAWSCredentialsIdentityResolver().ResolveIdentity(config), source);
            }
            catch (AmazonClientException failure)
            {
                throw CredentialsUnavailableException.FromSdk(failure);
            }
        }
    }
}
