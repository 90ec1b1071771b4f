using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// The CloudFront client, built on AWSSDK.Core's runtime pipeline (signing, credential resolution,
    /// retries, timeouts, error handling). Each operation is a <see cref="RestXmlOperation{TRequest,TResponse}"/>,
    /// sent with <see cref="SendAsync"/>; an invalidation operation takes its owner (a distribution or a tenant) in
    /// its request, and the owner decides the URI and the operation's name. It wraps the SDK client rather than deriving from it: the cmdlets, loaded apart from the module's
    /// AWSSDK.Core (src/CloudFrontInvalidations.Loader), must not call a member the SDK declares.
    /// </summary>
    internal sealed class CloudFrontClient : IDisposable
    {
        private readonly ServiceClient _client;

        /// <summary>Credentials from AWSSDK.Core's default chain (environment, profiles, SSO, container, instance).</summary>
        public CloudFrontClient(CloudFrontConfig config) => _client = new ServiceClient(config);

        public CloudFrontClient(AWSCredentials credentials, CloudFrontConfig config) => _client = new ServiceClient(credentials, config);

        /// <summary>Told of every failed HTTP attempt, retried or not, on the thread it failed on.</summary>
        public Action<RequestAttempt>? AttemptFailed
        {
            get => _client.AttemptObserver.AttemptFailed;
            set => _client.AttemptObserver.AttemptFailed = value;
        }

        /// <summary>One call of any operation: adding an operation adds no member here.</summary>
        public Task<TResponse> SendAsync<TRequest, TResponse>(RestXmlOperation<TRequest, TResponse> operation, TRequest request,
            CancellationToken cancellationToken = default)
            where TRequest : CloudFrontRequest
            where TResponse : AmazonWebServiceResponse, new() =>
            _client.Invoke(operation, request, cancellationToken);

        /// <summary>ListInvalidations, or its tenant form for a tenant.</summary>
        public Task<ListInvalidationsResponse> ListInvalidationsAsync(ListInvalidationsRequest request, CancellationToken cancellationToken = default) =>
            SendAsync(ListInvalidationsOperation.Instance, request, cancellationToken);

        /// <summary>GetInvalidation, or its tenant form for a tenant's invalidation.</summary>
        public Task<GetInvalidationResponse> GetInvalidationAsync(GetInvalidationRequest request, CancellationToken cancellationToken = default) =>
            SendAsync(GetInvalidationOperation.Instance, request, cancellationToken);

        public Task<ListDistributionsResponse> ListDistributionsAsync(ListDistributionsRequest request, CancellationToken cancellationToken = default) =>
            SendAsync(ListDistributionsOperation.Instance, request, cancellationToken);

        public void Dispose() => _client.Dispose();

        /// <summary>AWSSDK.Core's client with CloudFront's pipeline.</summary>
        private sealed class ServiceClient : AmazonServiceClient
        {
            private static readonly IServiceMetadata Metadata = new CloudFrontMetadata();

            // Field initializers run before the base constructor, which builds the pipeline.
            internal readonly RequestAttemptObserver AttemptObserver = new RequestAttemptObserver();
            private readonly AdaptiveConcurrencyLimit _concurrencyLimit = new AdaptiveConcurrencyLimit();

            public ServiceClient(CloudFrontConfig config) : base(config) { }

            public ServiceClient(AWSCredentials credentials, CloudFrontConfig config) : base(credentials, config) { }

            protected override IServiceMetadata ServiceMetadata => Metadata;

            internal async Task<TResponse> Invoke<TRequest, TResponse>(RestXmlOperation<TRequest, TResponse> operation,
                TRequest request, CancellationToken cancellationToken)
                where TRequest : CloudFrontRequest
                where TResponse : AmazonWebServiceResponse, new()
            {
                var options = new InvokeOptions { RequestMarshaller = operation, ResponseUnmarshaller = operation.UnmarshallerFor(request) };
                try
                {
                    return await InvokeAsync<TResponse>(request, options, cancellationToken).ConfigureAwait(false);
                }
                catch (AmazonClientException failure) when (CredentialsUnavailableException.IsSdkNoCredentials(failure))
                {
                    throw CredentialsUnavailableException.FromSdk(failure);
                }
            }

            protected override void CustomizeRuntimePipeline(RuntimePipeline pipeline)
            {
                // Layers that do nothing for this client, removed because each is one more async frame per request and
                // more generic code to JIT on the first one: the three callback handlers and the error callback raise
                // AmazonServiceClient's request/response/exception events, which nothing subscribes to (the SDK client
                // is private to this class); CloudFront has no endpoint discovery.
                pipeline.RemoveHandler<CallbackHandler>();
                pipeline.RemoveHandler<CallbackHandler>();
                pipeline.RemoveHandler<CallbackHandler>();
                pipeline.RemoveHandler<ErrorCallbackHandler>();
                pipeline.RemoveHandler<EndpointDiscoveryHandler>();
                pipeline.RemoveHandler<EndpointResolver>();
                pipeline.AddHandlerAfter<Marshaller>(new CloudFrontEndpointResolver());
                pipeline.AddHandlerAfter<Marshaller>(new SigV4AuthSchemeHandler());
                pipeline.AddHandlerAfter<Unmarshaller>(new RedirectRefusingHandler());
                pipeline.ReplaceHandler<RetryHandler>(new RetryHandler(new CommandRetryPolicy((CloudFrontConfig)Config)));
                pipeline.AddHandlerAfter<RetryHandler>(new AttemptTimeoutHandler(Config.Timeout ?? CloudFrontConfig.DefaultAttemptTimeout));
                pipeline.AddHandlerAfter<RetryHandler>(AttemptObserver);
                // Inserted right after the retry handler, so outside the observer and the attempt's deadline: an attempt's time
                // excludes its wait for a slot.
                pipeline.AddHandlerAfter<RetryHandler>(new AdaptiveConcurrencyHandler(_concurrencyLimit));
            }
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
