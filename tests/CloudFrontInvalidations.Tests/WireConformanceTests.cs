using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using System.Xml;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Errors;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>
    /// What the wire layer accepts is what AWSSDK.Core's own unmarshallers accept: each value is read both by our
    /// client (over HTTP) and by the SDK's Nullable*Unmarshaller, as AWSSDK.CloudFront v4's generated code calls
    /// them; answers that are not AWS error documents say their status and what came instead.
    /// </summary>
    public sealed class WireConformanceTests : IDisposable
    {
        private const string SampleCreateTime = "<CreateTime>2026-11-27T21:07:39.123Z</CreateTime>";

        private readonly StubHttpServer _server = new StubHttpServer();
        private readonly CloudFrontClient _client;
        private readonly List<RequestAttempt> _failedAttempts = new List<RequestAttempt>();

        public WireConformanceTests()
        {
            _client = _server.CreateClient();
            _client.AttemptFailed = _failedAttempts.Add;
        }

        public void Dispose()
        {
            _client.Dispose();
            _server.Dispose();
        }

        private Task<ListInvalidationsResponse> List() =>
            _client.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("E1ABCDEF")));

        private static string FullPageWith(string oldElement, string newElement)
        {
            var page = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "full-page.xml"));
            Assert.Contains(oldElement, page);
            return page.Replace(oldElement, newElement);
        }

        /// <summary>The SDK's reading of one element inside its parent, the way generated unmarshallers reach it.</summary>
        private static T SdkReads<T>(string element, IXmlUnmarshaller<T, XmlUnmarshallerContext> unmarshaller)
        {
            using var body = new MemoryStream(Encoding.UTF8.GetBytes($"<Parent>{element}<Next>n</Next></Parent>"));
            var context = new XmlUnmarshallerContext(body, false, null);
            while (context.Read())
                if (context.IsStartElement && context.TestExpression(ElementName(element), 2)) return unmarshaller.Unmarshall(context);
            throw new InvalidOperationException("The element is not in the document.");
        }

        private static string ElementName(string element) => element.Substring(1, element.IndexOfAny(new[] { '>', '/' }) - 1);

        /// <summary>Our reading of one element with the given reader, as an operation's result reader calls it.</summary>
        private static T WeRead<T>(string element, Func<XmlReader, T> read)
        {
            using var reader = XmlReader.Create(new StringReader(element), XmlElements.ReaderSettings);
            reader.MoveToContent();
            return read(reader);
        }

        [Theory]
        [InlineData("2026-11-27T21:07:39Z", "2026-11-27T21:07:39.0000000Z")]
        [InlineData("2026-11-27T21:07:39.1Z", "2026-11-27T21:07:39.1000000Z")]
        [InlineData("2026-11-27T21:07:39.123Z", "2026-11-27T21:07:39.1230000Z")]
        [InlineData("2026-11-27T21:07:39.123456Z", "2026-11-27T21:07:39.1234560Z")]
        [InlineData("2026-11-27T21:07:39.123456789Z", "2026-11-27T21:07:39.1234568Z")]
        [InlineData("2026-11-27T21:07:39+02:00", "2026-11-27T19:07:39.0000000Z")]
        [InlineData("2026-11-27T21:07:39.5-05:30", "2026-11-28T02:37:39.5000000Z")]
        [InlineData("2026-11-27T21:07:39", "2026-11-27T21:07:39.0000000Z")]
        [InlineData(" 2026-11-27T21:07:39Z ", "2026-11-27T21:07:39.0000000Z")]
        [InlineData("Fri, 27 Nov 2026 21:07:39 GMT", "2026-11-27T21:07:39.0000000Z")]
        [InlineData("1795813659", "2026-11-27T21:07:39.0000000Z")]
        [InlineData("1795813659.5", "2026-11-27T21:07:39.5000000Z")]
        [InlineData("1795813659.123", "2026-11-27T21:07:39.1230000Z")]
        [InlineData("1795813659.1239", "2026-11-27T21:07:39.1230000Z")]
        [InlineData("0", "1970-01-01T00:00:00.0000000Z")]
        [InlineData("2024-02-29T23:59:59.9999999Z", "2024-02-29T23:59:59.9999999Z")]
        [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000Z")]
        [InlineData("9999-12-31T23:59:59.12Z", "9999-12-31T23:59:59.1200000Z")]
        [InlineData("2026-11-27T21:07:39.1234567Z", "2026-11-27T21:07:39.1234567Z")]
        [InlineData("2026-11-27T21:07:39.12345678Z", "2026-11-27T21:07:39.1234568Z")]
        [InlineData("2026-11-27T21:07:39.000Z", "2026-11-27T21:07:39.0000000Z")]
        [InlineData("2026-11-27t21:07:39z", "2026-11-27T21:07:39.0000000Z")]
        public async Task Every_timestamp_form_the_sdk_reads_is_read_to_the_same_utc_instant(string text, string expectedUtc)
        {
            var expected = DateTime.Parse(expectedUtc, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            _server.Enqueue(200, FullPageWith(SampleCreateTime, $"<CreateTime>{text}</CreateTime>"));

            var ours = (await List()).InvalidationList!.Items![0].CreateTime;
            var sdks = SdkReads($"<CreateTime>{text}</CreateTime>", NullableDateTimeUnmarshaller.Instance);

            Assert.Equal(expected, sdks);
            Assert.Equal(DateTimeKind.Utc, sdks!.Value.Kind);
            Assert.Equal(expected, ours);
            Assert.Equal(DateTimeKind.Utc, ours!.Value.Kind);
        }

        [Theory]
        [InlineData("yesterday")]
        [InlineData("")]
        [InlineData("20261127T210739Z")]
        [InlineData("1e20")]
        [InlineData("NaN")]
        [InlineData("2026-02-29T21:07:39Z")]
        [InlineData("2026-13-27T21:07:39Z")]
        [InlineData("2026-11-27T24:07:39Z")]
        [InlineData("2026-11-27T21:07:39.Z")]
        [InlineData("2026-11-2xT21:07:39Z")]
        public async Task A_timestamp_the_sdk_rejects_is_unreadable_and_named(string text)
        {
            Assert.ThrowsAny<Exception>(() => SdkReads($"<CreateTime>{text}</CreateTime>", NullableDateTimeUnmarshaller.Instance));
            _server.Enqueue(200, FullPageWith(SampleCreateTime, $"<CreateTime>{text}</CreateTime>"));

            var error = await Assert.ThrowsAsync<AmazonUnmarshallingException>(() => List());

            var unreadable = Assert.IsType<UnreadableElementException>(error.InnerException);
            Assert.Equal("CreateTime", unreadable.ElementName);
            Assert.Equal(text, unreadable.Text);
        }

        [Fact]
        public async Task An_item_without_CreateTime_has_none_and_the_others_keep_theirs()
        {
            _server.Enqueue(200, FullPageWith(SampleCreateTime, ""));

            var items = (await List()).InvalidationList!.Items!;

            Assert.Equal("IDFDVBD632BHDS5", items[0].Id);
            Assert.Null(items[0].CreateTime);
            Assert.Equal(new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc), items[1].CreateTime);
        }

        [Theory]
        [InlineData("<IsTruncated>true</IsTruncated>")]
        [InlineData("<IsTruncated>False</IsTruncated>")]
        [InlineData("<IsTruncated> TRUE </IsTruncated>")]
        [InlineData("<IsTruncated></IsTruncated>")]
        [InlineData("<IsTruncated/>")]
        [InlineData("<IsTruncated>1</IsTruncated>")]
        [InlineData("<IsTruncated>yes</IsTruncated>")]
        [InlineData("<IsTruncated> </IsTruncated>")]
        public void Booleans_read_as_the_sdk_reads_them(string element)
        {
            AssertSameReading(element, NullableBoolUnmarshaller.Instance, XmlElements.ReadBool);
        }

        [Theory]
        [InlineData("<MaxItems>100</MaxItems>")]
        [InlineData("<MaxItems> 100 </MaxItems>")]
        [InlineData("<MaxItems>+7</MaxItems>")]
        [InlineData("<MaxItems>-1</MaxItems>")]
        [InlineData("<MaxItems></MaxItems>")]
        [InlineData("<MaxItems/>")]
        [InlineData("<MaxItems>3.0</MaxItems>")]
        [InlineData("<MaxItems>1,000</MaxItems>")]
        [InlineData("<MaxItems>0x10</MaxItems>")]
        [InlineData("<MaxItems>2147483648</MaxItems>")]
        public void Integers_read_as_the_sdk_reads_them(string element)
        {
            AssertSameReading<int?>(element, NullableIntUnmarshaller.Instance, reader => XmlElements.ReadInt(reader));
        }

        // Both read the same value, or both refuse it; ours then names the element and its text.
        private static void AssertSameReading<T>(string element, IXmlUnmarshaller<T, XmlUnmarshallerContext> sdk, Func<XmlReader, T> ours)
        {
            T sdkValue;
            try
            {
                sdkValue = SdkReads(element, sdk);
            }
            catch (Exception sdkRefusal) when (sdkRefusal is FormatException || sdkRefusal is OverflowException)
            {
                var refusal = Assert.Throws<UnreadableElementException>(() => WeRead(element, ours));
                Assert.Equal(ElementName(element), refusal.ElementName);
                Assert.StartsWith($"{refusal.ElementName}: '{refusal.Text}' is not ", refusal.Message);
                return;
            }
            Assert.Equal(sdkValue, WeRead(element, ours));
        }

        [Theory]
        [InlineData(403, "", null, "HTTP 403 (Forbidden) with an empty body", "HttpForbidden", ErrorCategory.PermissionDenied)]
        [InlineData(404, "<html><body><h1>Not Found</h1></body></html>", "text/html", "HTTP 404 (Not Found) with a body that is not an AWS error document (text/html)", "HttpNotFound", ErrorCategory.ObjectNotFound)]
        [InlineData(502, "<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center><hr></body></html>", "text/html", "HTTP 502 (Bad Gateway) with a body that is not an AWS error document (text/html)", "HttpBadGateway", ErrorCategory.ConnectionError)]
        [InlineData(400, "{\"message\":\"Bad request\"}", "application/json", "HTTP 400 (Bad Request) with a body that is not an AWS error document (application/json)", "HttpError", ErrorCategory.InvalidResult)]
        [InlineData(429, "{\"message\":\"Too Many Requests\"}", "application/json", "HTTP 429 (Too Many Requests) with a body that is not an AWS error document (application/json)", "HttpTooManyRequests", ErrorCategory.LimitsExceeded)]
        [InlineData(503, "", "text/plain", "HTTP 503 (Service Unavailable) with an empty body", "HttpServerError", ErrorCategory.ResourceUnavailable)]
        [InlineData(500, "<Oops><Reason>backend down</Reason></Oops>", "application/xml", "HTTP 500 (Internal Server Error) with a body that is not an AWS error document (application/xml)", "HttpServerError", ErrorCategory.ResourceUnavailable)]
        public async Task An_error_body_that_is_not_an_AWS_error_says_the_status_and_what_came_instead(
            int status, string body, string? contentType, string described, string errorId, ErrorCategory category)
        {
            _server.Enqueue(status, body, contentType);

            var error = await Assert.ThrowsAsync<NonAwsErrorResponseException>(() => List());

            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            Assert.Null(error.ErrorCode);
            Assert.StartsWith($"The endpoint answered {described}", error.Message);
            var record = ErrorMap.ToErrorRecord(error, "E1ABCDEF");
            Assert.Equal(errorId, record.FullyQualifiedErrorId);
            Assert.Equal(category, record.CategoryInfo.Category);
            Assert.Contains(described, record.ErrorDetails.Message);
            Assert.DoesNotContain("inner exception", record.ErrorDetails.Message);
            Assert.StartsWith(described, Assert.Single(_failedAttempts).Outcome);
        }

        [Fact]
        public async Task The_body_of_a_non_AWS_error_is_never_repeated_in_the_message()
        {
            _server.Enqueue(502, "<html><body>Authorization: AWS4-HMAC-SHA256 X-Amz-Security-Token: SESSIONTOKENECHO</body></html>", "text/html");

            var error = await Assert.ThrowsAsync<NonAwsErrorResponseException>(() => List());

            Assert.DoesNotContain("SESSIONTOKENECHO", error.Message);
            Assert.DoesNotContain("SESSIONTOKENECHO", ErrorMap.ToErrorRecord(error, "E1").ErrorDetails.Message);
        }

        [Fact]
        public async Task An_unreadable_boolean_is_reported_and_logged_with_its_element_and_text()
        {
            _server.Enqueue(200, FullPageWith("<IsTruncated>true</IsTruncated>", "<IsTruncated>yes</IsTruncated>"));

            var error = await Assert.ThrowsAsync<AmazonUnmarshallingException>(() => List());

            var record = ErrorMap.ToErrorRecord(error, "E1ABCDEF");
            Assert.Equal("UnreadableResponse", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.InvalidResult, record.CategoryInfo.Category);
            Assert.Equal("Listing invalidations of distribution 'E1ABCDEF' failed: HTTP 200 (OK) with a body that could not be read: "
                + "IsTruncated: 'yes' is not a boolean. AWS request id: stub-request-id.", record.ErrorDetails.Message);
            Assert.Equal("HTTP 200 (OK) with a body that could not be read: IsTruncated: 'yes' is not a boolean. (AWS request id stub-request-id)",
                Assert.Single(_failedAttempts).Outcome);
        }

        [Fact]
        public async Task An_AWS_error_attempt_is_logged_with_status_and_code()
        {
            _server.EnqueueSample(403, "error-AccessDenied.xml");

            await Assert.ThrowsAsync<AccessDeniedException>(() => List());

            Assert.Equal("HTTP 403 AccessDenied (AWS request id 5f1b2c3d-0000-4e5f-9a8b-AccessDenied)", Assert.Single(_failedAttempts).Outcome);
        }

        [Theory]
        [InlineData(400, "error-Throttling.xml")]
        public async Task Throttling_is_retried_beyond_the_attempts_until_admitted(int status, string sample)
        {
            // The stub's client allows no retry at all: throttled attempts are not counted.
            _server.EnqueueSample(status, sample);
            _server.EnqueueSample(200, "last-page.xml");

            var list = (await List()).InvalidationList!;

            Assert.NotEmpty(list.Items!);
            Assert.Equal(2, _server.Requests.Count);
            Assert.Equal(status, (int)((AmazonServiceException)Assert.Single(_failedAttempts).Failure).StatusCode);
        }
    }
}
