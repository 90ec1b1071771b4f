using System;
using System.Linq;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Client configuration for CloudFront. Everything else (credentials chain, retries, timeouts,
    /// AWS_ENDPOINT_URL_CLOUDFRONT, proxy) is AWSSDK.Core's own behaviour.
    /// </summary>
    internal sealed class CloudFrontConfig : ClientConfig
    {
        internal const string ServiceName = "CloudFront";
        internal const string SigningName = "cloudfront";
        internal const string ApiVersion = "2020-05-31";

        private static readonly string UserAgentString =
            Amazon.Util.Internal.InternalSDKUtils.BuildUserAgentString(ServiceName, ModuleVersion.Current);

        public CloudFrontConfig()
            : base(new DefaultConfigurationProvider(StandardDefaults()))
        {
            ServiceId = ServiceName;
            AuthenticationServiceName = SigningName;
            EndpointProvider = new CloudFrontEndpointProvider();
            // Off Windows the SDK defaults to one HttpClient per processor and takes them in turn, so a
            // listing alternates between as many connections; one HttpClient keeps every page of an
            // invocation on one kept-alive connection.
            HttpClientCacheSize = 1;
            // A redirect would carry the signed request and its session token to another address (RedirectRefusingHandler).
            AllowAutoRedirect = false;
            // AWSSDK.Core resends a request whose pooled connection turned out closed (reset, broken pipe, response ended
            // early) without counting an attempt and without a back-off, up to ten times per call by default: an endpoint
            // that resets every connection would get a burst of ten extra requests. One resend covers a connection closed
            // while idle; after it, such a failure is a failing attempt like any other.
            MaxStaleConnectionRetries = 1;
        }

        /// <summary>
        /// Per HTTP attempt, from sending to the last byte of the body, when -TimeoutSec is not given: CloudFront answers in
        /// well under a second, so a minute means the endpoint is not answering, and the SDK's 100 s (headers only) times its
        /// attempts would keep a runbook waiting for minutes.
        /// </summary>
        internal static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(60);

        /// <summary>
        /// The most a throttled request waits before its next attempt (CommandRetryPolicy): the back-off doubles from one
        /// second up to it, with full jitter, and the client's adaptive limit of requests in flight slows the rest down.
        /// </summary>
        internal TimeSpan MaxThrottleBackoff { get; set; } = TimeSpan.FromSeconds(5);

        public override string RegionEndpointServiceName => SigningName;

        public override string ServiceVersion => ApiVersion;

        public override string UserAgent => UserAgentString;

        public override Endpoint DetermineServiceOperationEndpoint(ServiceOperationEndpointParameters parameters) =>
            EndpointProvider.ResolveEndpoint(CloudFrontEndpointResolver.ParametersFor(this, parameters.AlternateEndpoint));

        // The SDK's "standard" defaults for every mode: standard retries and bounded connect/TLS waits,
        // so an unreachable endpoint fails in seconds rather than after the HttpClient's 100 s.
        private static IDefaultConfiguration[] StandardDefaults() =>
            Enum.GetValues(typeof(DefaultConfigurationMode)).Cast<DefaultConfigurationMode>()
                .Select(mode => (IDefaultConfiguration)new DefaultConfiguration
                {
                    Name = mode,
                    RetryMode = RequestRetryMode.Standard,
                    ConnectTimeout = TimeSpan.FromMilliseconds(3100),
                    TlsNegotiationTimeout = TimeSpan.FromMilliseconds(3100),
                })
                .ToArray();
    }
}
