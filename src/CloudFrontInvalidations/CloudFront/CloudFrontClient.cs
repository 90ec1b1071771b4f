using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// The one-operation CloudFront client, built on AWSSDK.Core's runtime pipeline (signing, credential
    /// resolution, retries, timeouts, error handling). Its public surface matches AmazonCloudFrontClient's
    /// ListInvalidationsAsync so the official client can stand in for it.
    /// </summary>
    public sealed class CloudFrontClient : AmazonServiceClient, IInvalidationPageSource
    {
        private static readonly IServiceMetadata Metadata = new CloudFrontMetadata();

        /// <summary>Credentials from AWSSDK.Core's default chain (environment, profiles, SSO, container, instance).</summary>
        public CloudFrontClient(CloudFrontConfig config) : base(config) { }

        public CloudFrontClient(AWSCredentials credentials, CloudFrontConfig config) : base(credentials, config) { }

        protected override IServiceMetadata ServiceMetadata => Metadata;

        public async Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request,
            CancellationToken cancellationToken = default)
        {
            var options = new InvokeOptions
            {
                RequestMarshaller = ListInvalidationsMarshaller.Instance,
                ResponseUnmarshaller = ListInvalidationsUnmarshaller.Instance,
            };
            try
            {
                return await InvokeAsync<ListInvalidationsResponse>(request, options, cancellationToken).ConfigureAwait(false);
            }
            catch (AmazonClientException failure) when (CredentialsUnavailableException.IsSdkNoCredentials(failure))
            {
                throw CredentialsUnavailableException.FromSdk(failure);
            }
        }

        protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
        {
            pipeline.RemoveHandler<EndpointResolver>();
            pipeline.AddHandlerAfter<Marshaller>(new CloudFrontEndpointResolver());
            pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
        }

        /// <summary>Every CloudFront operation is SigV4-signed.</summary>
        private sealed class SigV4AuthSchemeHandler : BaseAuthResolverHandler
        {
            protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) =>
                AuthSchemeOption.DEFAULT_SIGV4;
        }

        private sealed class CloudFrontMetadata : IServiceMetadata
        {
            public string ServiceId => CloudFrontConfig.ServiceName;

            public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
        }
    }
}
