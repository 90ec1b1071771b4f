using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;
using Amazon.Util;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// One CloudFront REST-XML operation on AWSSDK.Core's runtime: its method, a URI under the API version (for an
    /// invalidation operation, under the owner's: <see cref="HttpRequestValues.Under"/>), the query or an XML body,
    /// and a reader for the result element. Marshalling, streamed reading and error bodies becoming typed exceptions
    /// are shared here, so an operation is one small subclass with its request and response shapes.
    /// </summary>
    /// <remarks>
    /// Success bodies are read with a plain forward-only <see cref="XmlReader"/> over the response stream, not
    /// through the SDK context's own Read/TestExpression: the context rebuilds its whole element path as a
    /// string on every node, which made unmarshalling the largest part of the client's time per page
    /// (bench/results.md). Error bodies are rare and keep the SDK's error unmarshaller. Any 2xx status is a success.
    /// </remarks>
    internal abstract class RestXmlOperation<TRequest, TResponse> : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TRequest : CloudFrontRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        private const string XmlNamespace = "http://cloudfront.amazonaws.com/doc/" + CloudFrontConfig.ApiVersion + "/";

        /// <summary>The most an error body may hold: CloudFront's error documents are a few hundred bytes.</summary>
        internal const long MaxErrorBodyBytes = 64 * 1024;

        private readonly string _httpMethod;
        private readonly string _resultElement;
        private readonly long _maxBodyBytes;

        /// <param name="httpMethod">"GET", "POST".</param>
        /// <param name="resultElement">The root element of a success body: "InvalidationList".</param>
        /// <param name="maxBodyBytes">
        /// The most a success body may hold: far more than the largest answer the operation can produce (a page of 100 items,
        /// an invalidation of 3,000 paths), so that only a broken or hostile server reaches it.
        /// </param>
        protected RestXmlOperation(string httpMethod, string resultElement, long maxBodyBytes)
        {
            _httpMethod = httpMethod;
            _resultElement = resultElement;
            _maxBodyBytes = maxBodyBytes;
        }

        /// <summary>Sets the URI, fills its labels, and adds the query string or the body.</summary>
        protected abstract void Bind(TRequest request, HttpRequestValues values);

        /// <summary>Reads the result element the reader is on into the response to this request.</summary>
        protected abstract void ReadResult(XmlReader reader, TRequest request, TResponse response);

        /// <summary>Reads what an operation's answer carries in its headers (CreateInvalidation's Location), before its body.</summary>
        protected virtual void ReadHeaders(IWebResponseData answer, TResponse response) { }

        /// <summary>The reader of the answer to one request: what is read may depend on it (the owner's id, its type).</summary>
        internal ResponseUnmarshaller UnmarshallerFor(TRequest request) => new ResultUnmarshaller(this, request);

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = new DefaultRequest(input, CloudFrontConfig.ServiceName)
            {
                HttpMethod = _httpMethod,
                UseQueryString = true,
            };
            Bind((TRequest)input, new HttpRequestValues(request));
            if (string.IsNullOrEmpty(request.ResourcePath))
                throw new InvalidOperationException($"{GetType().Name}.Bind set no URI.");
            return request;
        }

        /// <summary>The URI, its path labels, the query parameters and the body of one request; the SDK URL-encodes every value.</summary>
        internal readonly struct HttpRequestValues
        {
            private readonly IRequest _request;

            internal HttpRequestValues(IRequest request) => _request = request;

            /// <param name="uriTemplate">Below /2020-05-31/, with {Name} labels that <see cref="Path"/> fills: "distribution".</param>
            internal void Uri(string uriTemplate) => _request.ResourcePath = "/" + CloudFrontConfig.ApiVersion + "/" + uriTemplate;

            /// <summary>A URI below the owner's ("invalidation/{Id}"): the distribution's, or the tenant's for a tenant.</summary>
            internal void Under(InvalidationOwner owner, string uriTemplate)
            {
                Uri(owner.UriTemplate + "/" + uriTemplate);
                Path(InvalidationOwner.IdLabel, owner.Id, IdRule.Of(owner));
            }

            /// <summary>
            /// Fills a label with an id. Ids from the user are checked on binding, and those the service lists before they are
            /// used; this is the last check, for every request, so that no id outside its rule ever reaches a URI.
            /// </summary>
            /// <exception cref="ArgumentException">The value is empty: the URI would name another resource.</exception>
            /// <exception cref="InvalidIdInResponseException">The value is not an id of its kind.</exception>
            internal void Path(string label, string? value, IdRule rule)
            {
                if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{label} is required.", label);
                if (rule.Refuse(value, listedBy: null) is { } refused) throw refused;
                _request.AddPathResource("{" + label + "}", value);
            }

            /// <summary>Sent only when set.</summary>
            internal void Query(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) _request.Parameters.Add(name, value);
            }

            internal void Query(string name, int? value) =>
                Query(name, value?.ToString(CultureInfo.InvariantCulture));

            /// <summary>
            /// The body: one <paramref name="rootElement"/> in CloudFront's namespace, whose content
            /// <paramref name="writeContent"/> writes; elements written without a namespace inherit CloudFront's.
            /// </summary>
            internal void XmlBody(string rootElement, Action<XmlWriter> writeContent)
            {
                var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
                using var content = new MemoryStream();
                using (var writer = XmlWriter.Create(content, settings))
                {
                    writer.WriteStartElement(rootElement, XmlNamespace);
                    writeContent(writer);
                    writer.WriteEndElement();
                }
                _request.Content = content.ToArray();
                _request.Headers["Content-Type"] = "application/xml";
            }
        }

        private sealed class ResultUnmarshaller : XmlResponseUnmarshaller
        {
            private readonly RestXmlOperation<TRequest, TResponse> _operation;
            private readonly TRequest _request;

            internal ResultUnmarshaller(RestXmlOperation<TRequest, TResponse> operation, TRequest request)
            {
                _operation = operation;
                _request = request;
            }

            /// <summary>
            /// Every body, success or error, is read through a <see cref="BoundedResponseStream"/>: within the attempt's
            /// deadline, and up to the operation's size (an error body's is smaller). The SDK reads an error body whole before
            /// parsing it, so the bound applies before anything is kept.
            /// </summary>
            public override UnmarshallerContext CreateContext(IWebResponseData response, bool readEntireResponse, Stream stream,
                RequestMetrics metrics, bool isException, IRequestContext requestContext)
            {
                var maxBytes = isException ? MaxErrorBodyBytes : _operation._maxBodyBytes;
                var location = isException ? "ErrorResponse" : _operation._resultElement;
                var bounded = stream == null ? null : new BoundedResponseStream(stream, maxBytes, AttemptTimeoutHandler.DeadlineOf(requestContext),
                    limit => new ResponseTooLargeException(RequestIdOf(response), location, limit, response.StatusCode));
                return base.CreateContext(response, readEntireResponse, bounded!, metrics, isException, requestContext);
            }

            /// <summary>An empty body or another root element leaves the response's result unset.</summary>
            public override AmazonWebServiceResponse Unmarshall(XmlUnmarshallerContext context)
            {
                var response = new TResponse();
                _operation.ReadHeaders(context.ResponseData, response);
                if (context.IsEmptyResponse) return response;
                using var reader = XmlReader.Create(context.Stream, XmlElements.ReaderSettings);
                try
                {
                    if (reader.MoveToContent() == XmlNodeType.Element && reader.LocalName == _operation._resultElement)
                        _operation.ReadResult(reader, _request, response);
                }
                catch (Exception unreadable) when (unreadable is XmlException || unreadable is UnreadableElementException || unreadable is RepeatedElementException)
                {
                    // Not XML, or XML whose numbers, booleans or times do not parse: either way unreadable.
                    // The SDK's retry policy treats an unreadable 200 as transient (a body cut in transit)
                    // only when it arrives as AmazonUnmarshallingException, as its generated unmarshallers raise it.
                    var location = unreadable switch
                    {
                        UnreadableElementException element => _operation._resultElement + "//" + element.ElementName,
                        RepeatedElementException repeated => _operation._resultElement + "//" + repeated.ElementName,
                        _ => _operation._resultElement,
                    };
                    throw new AmazonUnmarshallingException(RequestIdOf(context.ResponseData), location, null,
                        unreadable.Message, unreadable)
                    {
                        StatusCode = context.ResponseData.StatusCode,
                    };
                }
                return response;
            }

            /// <summary>
            /// The typed exception for an AWS error document; for any other body (empty, HTML, JSON, XML without
            /// an error code) a <see cref="NonAwsErrorResponseException"/> that says the status and what came instead.
            /// </summary>
            public override AmazonServiceException UnmarshallException(XmlUnmarshallerContext context,
                Exception innerException, HttpStatusCode statusCode)
            {
                if ((int)statusCode >= 300 && (int)statusCode < 400)
                {
                    var location = context.ResponseData.IsHeaderPresent(HeaderKeys.LocationHeader)
                        ? ResponseText.Clean(context.ResponseData.GetHeaderValue(HeaderKeys.LocationHeader), ResponseText.MaxMessageLength / 2) : null;
                    return new RedirectRefusedException(statusCode, location, RequestIdOf(context.ResponseData));
                }
                var emptyBody = context.IsEmptyResponse;
                ErrorResponse? error = null;
                if (!emptyBody)
                {
                    try
                    {
                        error = XmlErrorResponseUnmarshaller.GetInstance().Unmarshall(context);
                    }
                    catch (XmlException notXml)
                    {
                        innerException = notXml;
                    }
                }
                if (string.IsNullOrEmpty(error?.Code))
                {
                    return new NonAwsErrorResponseException(statusCode, ResponseText.Clean(context.ResponseData.ContentType, ResponseText.MaxTokenLength), emptyBody,
                        RequestIdOf(context.ResponseData), innerException);
                }
                error!.InnerException = innerException;
                error.StatusCode = statusCode;
                return CloudFrontServiceException.FromErrorResponse(error);
            }

            private static string? RequestIdOf(IWebResponseData response)
            {
                foreach (var header in new[] { HeaderKeys.XAmzRequestIdHeader, HeaderKeys.RequestIdHeader })
                {
                    if (response.IsHeaderPresent(header)) return ResponseText.Clean(response.GetHeaderValue(header), ResponseText.MaxTokenLength, mask: false);
                }
                return null;
            }
        }
    }
}
