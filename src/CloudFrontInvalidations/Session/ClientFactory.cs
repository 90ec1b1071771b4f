using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Session
{
    /// <summary>Turns the common parameters into one configured client.</summary>
    internal static class ClientFactory
    {
        /// <summary>
        /// Resolves region and credentials (see RegionResolver and CredentialResolver for the precedence)
        /// and builds the client; <paramref name="description"/> says which region and credentials (for -Verbose).
        /// <paramref name="shell"/> is what AWS.Tools stored in the session (none by default).
        /// </summary>
        public static CloudFrontClient Connect(SessionParameters parameters, TimeSpan? timeout,
            Func<string, string?> environment, out string description, ShellDefaults? shell = null)
        {
            shell ??= ShellDefaults.None;
            var region = RegionResolver.Resolve(parameters, shell, environment);
            var config = CreateConfig(new ClientSettings { Region = region, EndpointUrl = parameters.EndpointUrl, Timeout = timeout });
            var credentials = new CredentialResolver(environment).Resolve(parameters, shell, config);
            description = $"Region {region}; credentials from {credentials.Source}.";
            return new CloudFrontClient(credentials.Credentials, config);
        }

        /// <summary>
        /// A warning when the endpoint (-EndpointUrl, else AWS_ENDPOINT_URL_CLOUDFRONT or AWS_ENDPOINT_URL) is plain http to a
        /// host that is not the loopback: every request would cross the network signed and with the session token in clear.
        /// Null otherwise (https, the loopback of a local emulator, no endpoint override).
        /// </summary>
        public static string? PlainHttpWarning(SessionParameters parameters, Func<string, string?> environment)
        {
            var url = parameters.EndpointUrl ?? environment("AWS_ENDPOINT_URL_CLOUDFRONT") ?? environment("AWS_ENDPOINT_URL");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttp || endpoint.IsLoopback)
                return null;
            // Scheme, host and port only: the user information of an environment variable's URL is no one's business.
            return $"The endpoint {endpoint.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} is plain http to a host that is not this machine: "
                + "each request, signed and with any session token, crosses the network unencrypted. Use https.";
        }

        public static CloudFrontConfig CreateConfig(ClientSettings settings)
        {
            // AWSSDK.Core reads AWS_MAX_ATTEMPTS and the profile's max_attempts once per process; re-read them per
            // invocation, as a new aws CLI process would, so that a change made in a long-lived PowerShell session applies.
            FallbackInternalConfigurationFactory.Reset();
            var config = new CloudFrontConfig();
            if (!string.IsNullOrEmpty(settings.Region))
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
            config.Timeout = settings.Timeout ?? CloudFrontConfig.DefaultAttemptTimeout;
            if (!string.IsNullOrEmpty(settings.EndpointUrl))
            {
                // ServiceURL and RegionEndpoint cancel each other (last set wins), so the endpoint goes
                // last and the signing scope is pinned to CloudFront's own.
                config.ServiceURL = settings.EndpointUrl;
                config.AuthenticationRegion = CloudFrontEndpointProvider.GlobalSigningRegion;
            }
            return config;
        }
    }
}
