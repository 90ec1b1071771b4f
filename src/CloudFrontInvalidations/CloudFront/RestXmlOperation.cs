using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;
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

        private readonly string _httpMethod;
        private readonly string _resultElement;

        /// <param name="httpMethod">"GET", "POST".</param>
        /// <param name="resultElement">The root element of a success body: "InvalidationList".</param>
        protected RestXmlOperation(string httpMethod, string resultElement)
        {
            _httpMethod = httpMethod;
            _resultElement = resultElement;
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
                Path(InvalidationOwner.IdLabel, owner.Id);
            }

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
