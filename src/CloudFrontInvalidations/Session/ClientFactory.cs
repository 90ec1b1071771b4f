using System;
using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using CloudFrontInvalidations.CloudFront;

namespace CloudFrontInvalidations.Session
{
    /// <summary>What the common AWS parameters say about where and as whom to call.</summary>
    public sealed class ClientSettings
    {
        public string? Region { get; set; }
        public string? EndpointUrl { get; set; }
        /// <summary>Per HTTP attempt; null keeps AWSSDK.Core's default.</summary>
        public TimeSpan? Timeout { get; set; }
        /// <summary>Explicit credentials; null means AWSSDK.Core's default chain.</summary>
        public AWSCredentials? Credentials { get; set; }
    }

    /// <summary>Turns the common parameters into one configured client.</summary>
    public static class ClientFactory
    {
        public static CloudFrontConfig CreateConfig(ClientSettings settings)
        {
            // AWSSDK.Core reads AWS_RETRY_MODE, AWS_MAX_ATTEMPTS and the profile's retry_mode/max_attempts
            // once per process; re-read them per invocation, as a new aws CLI process would, so that a
            // change made in a long-lived PowerShell session applies.
            FallbackInternalConfigurationFactory.Reset();
            var config = new CloudFrontConfig();
            if (!string.IsNullOrEmpty(settings.Region))
                config.RegionEndpoint = RegionEndpoint.GetBySystemName(settings.Region);
            if (settings.Timeout.HasValue)
                config.Timeout = settings.Timeout;
            if (!string.IsNullOrEmpty(settings.EndpointUrl))
            {
                // ServiceURL and RegionEndpoint cancel each other (last set wins), so the endpoint goes
                // last and the signing scope is pinned to CloudFront's own.
                config.ServiceURL = settings.EndpointUrl;
                config.AuthenticationRegion = CloudFrontEndpointProvider.GlobalSigningRegion;
            }
            return config;
        }

        public static CloudFrontClient CreateClient(ClientSettings settings)
        {
            var config = CreateConfig(settings);
            return settings.Credentials == null
                ? new CloudFrontClient(config)
                : new CloudFrontClient(settings.Credentials, config);
        }
    }
}
