using System;
using System.Globalization;
using System.Net;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
using Amazon.Util;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// One CloudFront REST-XML operation on AWSSDK.Core's runtime: a URI template under the API version, the
    /// request's path and query values, and a reader for the result element. Marshalling, streamed reading
    /// and error bodies becoming typed exceptions are shared here, so an operation is one small subclass.
    /// </summary>
    /// <remarks>
    /// Success bodies are read with a plain forward-only <see cref="XmlReader"/> over the response stream, not
    /// through the SDK context's own Read/TestExpression: the context rebuilds its whole element path as a
    /// string on every node, which made unmarshalling the largest part of the client's time per page
    /// (bench/results.md). Error bodies are rare and keep the SDK's error unmarshaller.
    /// </remarks>
    internal abstract class RestXmlOperation<TRequest, TResponse> : IMarshaller<IRequest, AmazonWebServiceRequest>
        where TRequest : AmazonWebServiceRequest
        where TResponse : AmazonWebServiceResponse, new()
    {
        private readonly string _resourcePath;
        private readonly string _resultElement;

        /// <param name="uriTemplate">Below /2020-05-31/, with {Name} path labels: "distribution/{DistributionId}/invalidation".</param>
        /// <param name="resultElement">The root element of a success body: "InvalidationList".</param>
        protected RestXmlOperation(string uriTemplate, string resultElement)
        {
            _resourcePath = "/" + CloudFrontConfig.ApiVersion + "/" + uriTemplate;
            _resultElement = resultElement;
            Unmarshaller = new ResultUnmarshaller(this);
        }

        internal ResponseUnmarshaller Unmarshaller { get; }

        /// <summary>Fills the URI template's labels and the query string from the request.</summary>
        protected abstract void Bind(TRequest request, HttpRequestValues values);

        /// <summary>Reads the result element the reader is on into the response.</summary>
        protected abstract void ReadResult(XmlReader reader, TResponse response);

        /// <summary>The XML body of an operation that sends one (then it is a POST); null for a GET.</summary>
        protected virtual byte[]? Body(TRequest request) => null;

        /// <summary>Reads what an operation's answer carries in its headers (CreateInvalidation's Location).</summary>
        protected virtual void ReadHeaders(IWebResponseData answer, TResponse response) { }

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var body = Body((TRequest)input);
            var request = new DefaultRequest(input, CloudFrontConfig.ServiceName)
            {
                HttpMethod = body == null ? "GET" : "POST",
                ResourcePath = _resourcePath,
                UseQueryString = true,
            };
            if (body != null)
            {
                // Marshalled once: every retry of the SDK sends these same bytes.
                request.Content = body;
                request.Headers[HeaderKeys.ContentTypeHeader] = "application/xml";
            }
            Bind((TRequest)input, new HttpRequestValues(request));
            return request;
        }

        /// <summary>The path labels and query parameters of one request; the SDK URL-encodes every value.</summary>
        internal readonly struct HttpRequestValues
        {
            private readonly IRequest _request;

            internal HttpRequestValues(IRequest request) => _request = request;

            /// <exception cref="ArgumentException">The value is empty: the URI would name another resource.</exception>
            internal void Path(string label, string? value)
            {
                if (string.IsNullOrEmpty(value)) throw new ArgumentException($"{label} is required.", label);
                _request.AddPathResource("{" + label + "}", value);
            }

            /// <summary>Sent only when set.</summary>
            internal void Query(string name, string? value)
            {
                if (!string.IsNullOrEmpty(value)) _request.Parameters.Add(name, value);
            }

            internal void Query(string name, int? value) =>
                Query(name, value?.ToString(CultureInfo.InvariantCulture));
        }

        private sealed class ResultUnmarshaller : XmlResponseUnmarshaller
        {
            private readonly RestXmlOperation<TRequest, TResponse> _operation;

            internal ResultUnmarshaller(RestXmlOperation<TRequest, TResponse> operation) => _operation = operation;

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
                        _operation.ReadResult(reader, response);
                }
                catch (Exception unreadable) when (unreadable is XmlException || unreadable is UnreadableElementException)
                {
                    // Not XML, or XML whose numbers, booleans or times do not parse: either way unreadable.
                    // The SDK's retry policy treats an unreadable 200 as transient (a body cut in transit)
                    // only when it arrives as AmazonUnmarshallingException, as its generated unmarshallers raise it.
                    var location = unreadable is UnreadableElementException element
                        ? _operation._resultElement + "//" + element.ElementName : _operation._resultElement;
                    throw new AmazonUnmarshallingException(RequestIdOf(context), location, null,
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
                    return new NonAwsErrorResponseException(statusCode, context.ResponseData.ContentType, emptyBody,
                        RequestIdOf(context), innerException);
                }
                error!.InnerException = innerException;
                error.StatusCode = statusCode;
                return CloudFrontServiceException.FromErrorResponse(error);
            }

            private static string? RequestIdOf(XmlUnmarshallerContext context)
            {
                foreach (var header in new[] { HeaderKeys.XAmzRequestIdHeader, HeaderKeys.RequestIdHeader })
                {
                    if (context.ResponseData.IsHeaderPresent(header)) return context.ResponseData.GetHeaderValue(header);
                }
                return null;
            }
        }
    }
}
