using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Errors;
using Xunit;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>The client against endpoints that redirect, trickle, never end, never answer or answer nonsense.</summary>
    public sealed class HostileEndpointTests
    {
        private const string Page = "<InvalidationList><Marker></Marker><MaxItems>100</MaxItems><IsTruncated>false</IsTruncated><Quantity>1</Quantity>"
            + "<Items><InvalidationSummary><Id>I1</Id><CreateTime>2026-11-27T21:07:39Z</CreateTime><Status>Completed</Status></InvalidationSummary></Items></InvalidationList>";

        private const string Summary = "<InvalidationSummary><Id>IENDLESS0000000</Id><CreateTime>2026-11-27T21:07:39Z</CreateTime><Status>Completed</Status></InvalidationSummary>";

        private static readonly (string Name, Func<CloudFrontClient, Task> Call)[] Operations =
        {
            ("ListInvalidations", c => c.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("E1")))),
            ("GetInvalidation", c => c.GetInvalidationAsync(new GetInvalidationRequest(new InvalidationTarget(InvalidationOwner.Distribution("E1"), "I1")))),
            ("ListDistributions", c => c.ListDistributionsAsync(new ListDistributionsRequest())),
            ("ListInvalidationsForDistributionTenant", c => c.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Tenant("dt_1")))),
            ("GetInvalidationForDistributionTenant", c => c.GetInvalidationAsync(new GetInvalidationRequest(new InvalidationTarget(InvalidationOwner.Tenant("dt_1"), "I1")))),
        };

        public static TheoryData<int, string> RedirectCases()
        {
            var cases = new TheoryData<int, string>();
            for (var status = 301; status <= 308; status++)
                foreach (var (name, _) in Operations) cases.Add(status, name);
            return cases;
        }

        [Theory]
        [MemberData(nameof(RedirectCases))]
        public async Task A_redirect_is_never_followed_and_names_its_status_and_location(int status, string operation)
        {
            using var elsewhere = new HostileHttpServer((_, stream, _) => HostileHttpServer.WriteAsync(stream, 200, Page));
            var location = elsewhere.Url + "/2020-05-31/distribution/E1/invalidation";
            using var server = new HostileHttpServer((_, stream, _) =>
                HostileHttpServer.WriteAsync(stream, status, "", $"Location: {location}\r\n"));
            using var client = server.CreateClient();

            var refused = await Assert.ThrowsAsync<RedirectRefusedException>(() => Operations.Single(o => o.Name == operation).Call(client));

            Assert.Equal(status, (int)refused.StatusCode);
            Assert.Equal(location, refused.Location);
            Assert.Contains($"HTTP {status}", refused.Message);
            Assert.Contains(location, refused.Message);
            Assert.Empty(elsewhere.Requests);
            Assert.Single(server.Requests);
            var record = ErrorMap.ToErrorRecord(refused, "Listing invalidations", null);
            Assert.Equal("RedirectRefused", record.FullyQualifiedErrorId);
            Assert.DoesNotContain(HostileHttpServer.SessionToken, record.ErrorDetails.Message);
        }

        [Fact]
        public async Task A_body_that_trickles_ends_at_the_attempt_timeout()
        {
            using var server = new HostileHttpServer((_, stream, stopping) =>
                HostileHttpServer.WriteChunkedAsync(stream, index => index < Page.Length ? Page.Substring(index, 1) : null, TimeSpan.FromMilliseconds(500), stopping));
            using var client = server.CreateClient(timeout: TimeSpan.FromSeconds(2), maxErrorRetry: 0);
            var clock = Stopwatch.StartNew();

            var timedOut = await Assert.ThrowsAsync<AttemptTimeoutException>(() => Operations[0].Call(client));

            Assert.InRange(clock.Elapsed.TotalSeconds, 1.5, 10);
            Assert.Equal(TimeSpan.FromSeconds(2), timedOut.Timeout);
            Assert.Contains("2 s", timedOut.Message);
            Assert.Equal("RequestTimeout", ErrorMap.ToErrorRecord(timedOut, "Listing invalidations", null).FullyQualifiedErrorId);
        }

        [Fact]
        public async Task A_silent_endpoint_ends_at_the_attempt_timeout_once_per_attempt()
        {
            using var server = new HostileHttpServer((_, _, stopping) => HostileHttpServer.SilenceAsync(stopping));
            using var client = server.CreateClient(timeout: TimeSpan.FromSeconds(1), maxErrorRetry: 1);
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAsync<AttemptTimeoutException>(() => Operations[1].Call(client));

            // Two attempts of one second each and a back-off of at most one second between them.
            Assert.InRange(clock.Elapsed.TotalSeconds, 1.8, 12);
            // Cutting an attempt aborts its connection, which the SDK would take for a stale pooled one and resend uncounted.
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public async Task An_endpoint_that_cuts_every_answer_short_gets_one_uncounted_resend_in_all()
        {
            using var server = new HostileHttpServer((_, stream, _) => HostileHttpServer.CutShortAsync(stream, Page));
            using var client = server.CreateClient(maxErrorRetry: 1);

            await Assert.ThrowsAnyAsync<Exception>(() => Operations[0].Call(client));

            // Two attempts, and one resend as if a pooled connection had been closed while idle (ten by default, uncounted).
            Assert.Equal(3, server.Requests.Count);
        }

        [Fact]
        public void An_attempt_cut_by_its_deadline_is_never_a_stale_connection()
        {
            var policy = new CommandRetryPolicy(new CloudFrontConfig());
            var aborted = new System.IO.IOException("aborted", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionAborted));

            Assert.True(policy.IsStaleConnectionError(aborted));
            Assert.False(policy.IsStaleConnectionError(new AttemptTimeoutException(TimeSpan.FromSeconds(1), aborted)));
        }

        [Fact]
        public async Task The_default_attempt_timeout_is_a_minute()
        {
            Assert.Equal(TimeSpan.FromSeconds(60), CloudFrontConfig.DefaultAttemptTimeout);
            var config = Session.ClientFactory.CreateConfig(new Session.ClientSettings { EndpointUrl = "http://127.0.0.1:1" });
            Assert.Equal(TimeSpan.FromSeconds(60), config.Timeout);
            await Task.CompletedTask;
        }

        [Fact]
        public async Task A_body_that_never_ends_is_refused_at_the_page_limit_with_memory_flat()
        {
            long sent = 0;
            using var server = new HostileHttpServer((_, stream, stopping) =>
                HostileHttpServer.WriteChunkedAsync(stream, index =>
                {
                    var chunk = index == 0 ? "<InvalidationList><Items>" : string.Concat(Enumerable.Repeat(Summary, 100));
                    Interlocked.Add(ref sent, chunk.Length);
                    return chunk;
                }, TimeSpan.Zero, stopping));
            using var client = server.CreateClient(maxErrorRetry: 0);

            var refused = await Assert.ThrowsAsync<ResponseTooLargeException>(() => Operations[0].Call(client));

            Assert.Equal(ListInvalidationsOperation.MaxPageBytes, refused.MaxBytes);
            Assert.Contains("InvalidationList", refused.Message);
            Assert.Equal("UnreadableResponse", ErrorMap.ToErrorRecord(refused, "Listing invalidations", null).FullyQualifiedErrorId);
            // What the server could push before the client hung up: the limit and the sockets' buffers, not gigabytes.
            Assert.InRange(Interlocked.Read(ref sent), ListInvalidationsOperation.MaxPageBytes, 16 * ListInvalidationsOperation.MaxPageBytes);
        }

        [Fact]
        public async Task An_error_body_that_echoes_the_request_is_never_copied_into_the_error()
        {
            using var server = new HostileHttpServer((request, stream, _) =>
            {
                var echoed = string.Join(" ", request.Headers.Select(h => $"{h.Key}: {h.Value}"));
                return HostileHttpServer.WriteAsync(stream, 400,
                    $"<ErrorResponse><Error><Type>Sender</Type><Code>InvalidArgument</Code><Message>\u001b[2J\u001b[H{echoed}</Message></Error><RequestId>r1</RequestId></ErrorResponse>");
            });
            using var client = server.CreateClient(maxErrorRetry: 0);

            var failure = await Assert.ThrowsAsync<InvalidArgumentException>(() => Operations[0].Call(client));
            var message = ErrorMap.ToErrorRecord(failure, "Listing invalidations", "E1").ErrorDetails.Message;

            Assert.DoesNotContain(HostileHttpServer.SessionToken, message);
            Assert.DoesNotContain(HostileHttpServer.SessionToken.Substring(0, 32), message);
            Assert.DoesNotContain("Signature=", message.Split("[hidden]").Last() == message ? message : "");
            Assert.False(message.Any(char.IsControl), "no control character");
            Assert.InRange(failure.Message.Length, 1, ResponseText.MaxMessageLength);
            Assert.Contains("InvalidArgument", message);
            Assert.Contains("HTTP 400", message);
        }

        [Fact]
        public async Task An_aws_shaped_error_body_that_does_not_parse_is_described_not_echoed()
        {
            using var server = new HostileHttpServer((request, stream, _) =>
                HostileHttpServer.WriteAsync(stream, 400,
                    $"<ErrorResponse><Error><Code>AccessDenied</Code><Message>token {request.Headers["x-amz-security-token"]} \u001b]0;pwned\u0007</Error></ErrorResponse"));
            using var client = server.CreateClient(maxErrorRetry: 0);

            var failure = await Assert.ThrowsAnyAsync<AmazonServiceException>(() => Operations[2].Call(client));
            var message = ErrorMap.ToErrorRecord(failure, "Listing distributions", null).ErrorDetails.Message;

            Assert.DoesNotContain(HostileHttpServer.SessionToken, message);
            Assert.DoesNotContain(HostileHttpServer.SessionToken, failure.ToString());
            Assert.True(!message.Contains("pwned"), message + " // " + failure.Message);
            Assert.False(message.Any(char.IsControl), "no control character");
            Assert.Contains("HTTP 400", message);
        }

        [Fact]
        public async Task A_huge_error_body_is_cut_at_its_limit()
        {
            long sent = 0;
            using var server = new HostileHttpServer(async (_, stream, stopping) =>
            {
                var head = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stopping);
                var chunk = Encoding.ASCII.GetBytes("100000\r\n" + new string('A', 0x100000) + "\r\n");
                var start = "<ErrorResponse><Error><Code>InternalError</Code><Message>" + new string('B', 24);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{start.Length:x}\r\n{start}\r\n"), stopping);
                for (var i = 0; i < 100 && !stopping.IsCancellationRequested; i++)
                {
                    await stream.WriteAsync(chunk, stopping);
                    Interlocked.Add(ref sent, chunk.Length);
                }
            });
            using var client = server.CreateClient(maxErrorRetry: 0);

            var failure = await Assert.ThrowsAnyAsync<AmazonUnmarshallingException>(() => Operations[0].Call(client));

            var tooLarge = Assert.IsType<ResponseTooLargeException>(failure is ResponseTooLargeException ? failure : failure.InnerException);
            Assert.Equal(RestXmlOperation<ListInvalidationsRequest, ListInvalidationsResponse>.MaxErrorBodyBytes, tooLarge.MaxBytes);
            var record = ErrorMap.ToErrorRecord(failure, "Listing invalidations", "E1");
            Assert.Equal("UnreadableResponse", record.FullyQualifiedErrorId);
            Assert.InRange(record.ErrorDetails.Message.Length, 1, 2 * ResponseText.MaxMessageLength);
            Assert.DoesNotContain("BBBB", record.ErrorDetails.Message);
            Assert.InRange(Interlocked.Read(ref sent), 0, 32L * 1024 * 1024);
        }

        [Theory]
        [InlineData("Items", "<Items>" + Summary + "</Items>")]
        [InlineData("IsTruncated", "<IsTruncated>true</IsTruncated>")]
        [InlineData("NextMarker", "<NextMarker>I9</NextMarker>")]
        [InlineData("Marker", "<Marker>I8</Marker>")]
        public async Task A_repeated_element_is_an_unreadable_response_naming_it(string element, string repeated)
        {
            var body = Page.Replace("</InvalidationList>", "<NextMarker>I7</NextMarker>" + repeated + "</InvalidationList>")
                .Replace("<NextMarker>I7</NextMarker><NextMarker>", "<NextMarker>");
            if (element != "NextMarker") body = body.Replace("<NextMarker>I7</NextMarker>", "");
            if (element == "NextMarker") body = body.Replace("</InvalidationList>", "<NextMarker>I7</NextMarker></InvalidationList>");
            using var server = new HostileHttpServer((_, stream, _) => HostileHttpServer.WriteAsync(stream, 200, body));
            using var client = server.CreateClient(maxErrorRetry: 0);

            var unreadable = await Assert.ThrowsAsync<AmazonUnmarshallingException>(() => Operations[0].Call(client));

            var repeatedElement = Assert.IsType<RepeatedElementException>(unreadable.InnerException);
            Assert.Equal(element, repeatedElement.ElementName);
            var record = ErrorMap.ToErrorRecord(unreadable, "Listing invalidations", "E1");
            Assert.Equal("UnreadableResponse", record.FullyQualifiedErrorId);
            Assert.Contains(element, record.ErrorDetails.Message);
        }

        private const string OneInvalidation = "<Invalidation><Id>I1</Id><Status>InProgress</Status><CreateTime>2026-11-27T21:07:39Z</CreateTime>"
            + "<InvalidationBatch><Paths><Quantity>1</Quantity><Items><Path>/a</Path></Items></Paths><CallerReference>r</CallerReference></InvalidationBatch></Invalidation>";

        // CreateInvalidation answers the Invalidation GetInvalidation does, read by the same reader.
        [Theory]
        [InlineData("GetInvalidation", "Status", "Completed")]
        [InlineData("GetInvalidation", "Items", "<Path>/b</Path><Path>/c</Path>")]
        [InlineData("GetInvalidation", "Quantity", "3")]
        [InlineData("GetInvalidation", "CallerReference", "other")]
        [InlineData("GetInvalidationForDistributionTenant", "Items", "<Path>/b</Path>")]
        [InlineData("CreateInvalidation", "Items", "<Path>/b</Path>")]
        [InlineData("CreateInvalidation", "CallerReference", "other")]
        public async Task A_repeated_element_of_an_invalidation_is_an_unreadable_response_naming_it(string operation, string element, string secondValue)
        {
            var body = OneInvalidation.Replace($"</{element}>", $"</{element}><{element}>{secondValue}</{element}>");
            using var server = new HostileHttpServer((_, stream, _) => HostileHttpServer.WriteAsync(stream, operation == "CreateInvalidation" ? 201 : 200, body));
            using var client = server.CreateClient(maxErrorRetry: 0);
            Func<Task> call = operation == "CreateInvalidation"
                ? () => client.SendAsync(CreateInvalidationOperation.Instance, new CreateInvalidationRequest(InvalidationOwner.Distribution("E1"), "r", new[] { "/a" }))
                : () => Operations.Single(o => o.Name == operation).Call(client);

            var unreadable = await Assert.ThrowsAsync<AmazonUnmarshallingException>(call);

            Assert.Equal(element, Assert.IsType<RepeatedElementException>(unreadable.InnerException).ElementName);
            var record = ErrorMap.ToErrorRecord(unreadable, "Getting invalidation I1", "E1");
            Assert.Equal("UnreadableResponse", record.FullyQualifiedErrorId);
            Assert.Contains(element, record.ErrorDetails.Message);
        }

        [Fact]
        public async Task Throttling_is_retried_beyond_the_attempts_while_server_errors_are_not()
        {
            var answered = 0;
            using var server = new HostileHttpServer((_, stream, _) =>
                Interlocked.Increment(ref answered) <= 12
                    ? HostileHttpServer.WriteAsync(stream, 400, "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
                    : HostileHttpServer.WriteAsync(stream, 200, Page));
            var config = Session.ClientFactory.CreateConfig(new Session.ClientSettings { EndpointUrl = server.Url });
            config.MaxErrorRetry = 1;
            config.MaxThrottleBackoff = TimeSpan.FromMilliseconds(50);
            using var client = new CloudFrontClient(new BasicAWSCredentials("AKIDHOSTILETEST", "not-a-real-secret"), config);

            var page = await client.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("E1")));

            Assert.Equal("I1", Assert.Single(page.InvalidationList!.Items!).Id);
            Assert.Equal(13, server.Requests.Count);
        }

        [Fact]
        public async Task Failures_of_earlier_commands_never_take_retries_from_the_next()
        {
            var okAnswers = 0;
            using var server = new HostileHttpServer((request, stream, _) =>
                request.Target.Contains("/EOK/") && Interlocked.Increment(ref okAnswers) > 1
                    ? HostileHttpServer.WriteAsync(stream, 200, Page)
                    : HostileHttpServer.WriteAsync(stream, 500, "<ErrorResponse><Error><Type>Receiver</Type><Code>InternalError</Code><Message>boom</Message></Error></ErrorResponse>"));

            // 60 commands that each use up their attempts: 120 retries, more than the SDK's shared bucket of 500 tokens holds.
            await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
            {
                using var failing = server.CreateClient(maxErrorRetry: 2);
                await Assert.ThrowsAnyAsync<AmazonServiceException>(() =>
                    failing.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution($"EFAIL{i}"))));
            }));

            using var next = server.CreateClient(maxErrorRetry: 2);
            var page = await next.ListInvalidationsAsync(new ListInvalidationsRequest(InvalidationOwner.Distribution("EOK")));

            Assert.Equal("I1", Assert.Single(page.InvalidationList!.Items!).Id);
            Assert.Equal(2, okAnswers);
        }
    }
}
