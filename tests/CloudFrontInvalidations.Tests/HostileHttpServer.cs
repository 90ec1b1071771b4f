using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>
    /// A misbehaving HTTP/1.1 endpoint on 127.0.0.1, written on raw sockets so that it can do what a well-behaved server
    /// library will not: trickle a body, send one that never ends, never answer, redirect anywhere. Each request (one per
    /// connection) is recorded with its headers and answered by the behaviour given.
    /// </summary>
    internal sealed class HostileHttpServer : IDisposable
    {
        private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Func<HostileRequest, Stream, CancellationToken, Task> _answer;

        public HostileHttpServer(Func<HostileRequest, Stream, CancellationToken, Task> answer)
        {
            _answer = answer;
            _listener.Start();
            _ = Task.Run(AcceptAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public string Url => $"http://127.0.0.1:{Port}";
        public ConcurrentQueue<HostileRequest> Requests { get; } = new ConcurrentQueue<HostileRequest>();

        /// <summary>A client of ours pointed at this server, with fixed keys and a session token.</summary>
        public CloudFrontClient CreateClient(TimeSpan? timeout = null, int? maxErrorRetry = null)
        {
            var config = ClientFactory.CreateConfig(new ClientSettings { EndpointUrl = Url, Timeout = timeout });
            if (maxErrorRetry.HasValue) config.MaxErrorRetry = maxErrorRetry.Value;
            return new CloudFrontClient(new SessionAWSCredentials("AKIDHOSTILETEST", "not-a-real-secret", SessionToken), config);
        }

        public const string SessionToken = "FwoGZXIvYXdzEXAMPLEsessionTOKENthatMUSTneverLEAVEthisPROCESS0123456789";

        public void Dispose()
        {
            _stopping.Cancel();
            _listener.Stop();
        }

        private async Task AcceptAsync()
        {
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient connection;
                try { connection = await _listener.AcceptTcpClientAsync(); }
                catch (Exception) { return; }
                _ = Task.Run(() => ServeAsync(connection));
            }
        }

        private async Task ServeAsync(TcpClient connection)
        {
            using (connection)
            {
                try
                {
                    var stream = connection.GetStream();
                    var request = await ReadRequestAsync(stream);
                    if (request == null) return;
                    Requests.Enqueue(request);
                    await _answer(request, stream, _stopping.Token);
                }
                catch (Exception)
                {
                    // The client hung up (timeout, cancellation): nothing to answer.
                }
            }
        }

        private static async Task<HostileRequest?> ReadRequestAsync(Stream stream)
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (await stream.ReadAsync(one, 0, 1) == 0) return null;
                head.Append((char)one[0]);
            }
            var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var parts = lines[0].Split(' ');
            var headers = new ConcurrentDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 1; i < lines.Length; i++)
            {
                var colon = lines[i].IndexOf(':');
                if (colon > 0) headers[lines[i].Substring(0, colon).Trim()] = lines[i].Substring(colon + 1).Trim();
            }
            return new HostileRequest(parts[0], parts[1], headers);
        }

        // ---- answers ----

        /// <summary>A whole answer with Content-Length and Connection: close.</summary>
        public static async Task WriteAsync(Stream stream, int status, string body, string? extraHeaders = null, string contentType = "text/xml")
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            var head = $"HTTP/1.1 {status} Status\r\nContent-Type: {contentType}\r\nContent-Length: {bytes.Length}\r\nx-amz-request-id: hostile-request-id\r\n{extraHeaders}Connection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            await stream.WriteAsync(bytes);
            await stream.FlushAsync();
        }

        /// <summary>Headers of a 200 with a chunked body, then <paramref name="chunks"/> until it says stop.</summary>
        public static async Task WriteChunkedAsync(Stream stream, Func<int, string?> chunks, TimeSpan pause, CancellationToken stopping)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\nx-amz-request-id: hostile-request-id\r\n\r\n"));
            for (var index = 0; !stopping.IsCancellationRequested; index++)
            {
                var chunk = chunks(index);
                if (chunk == null) break;
                var bytes = Encoding.UTF8.GetBytes(chunk);
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{bytes.Length:x}\r\n"));
                await stream.WriteAsync(bytes);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n"));
                await stream.FlushAsync();
                if (pause > TimeSpan.Zero) await Task.Delay(pause, stopping);
            }
            await stream.WriteAsync(Encoding.ASCII.GetBytes("0\r\n\r\n"));
        }

        /// <summary>Headers announcing a whole page, half of it, then the connection closes: "the response ended prematurely".</summary>
        public static async Task CutShortAsync(Stream stream, string body)
        {
            var bytes = Encoding.UTF8.GetBytes(body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: {bytes.Length}\r\nx-amz-request-id: hostile-request-id\r\n\r\n"));
            await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await stream.FlushAsync();
        }

        /// <summary>Holds the connection open without a byte until the server stops.</summary>
        public static Task SilenceAsync(CancellationToken stopping) => Task.Delay(Timeout.Infinite, stopping);
    }
}
