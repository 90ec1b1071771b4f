using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using Amazon.Runtime;
using CloudFrontInvalidations.CloudFront;
using CloudFrontInvalidations.Session;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>
    /// A real HTTP endpoint on 127.0.0.1 that answers queued canned responses in order and records
    /// every request, so the client is tested through its whole pipeline (marshal, sign, send, parse).
    /// </summary>
    internal sealed class StubHttpServer : IDisposable
    {
        private readonly HttpListener _listener = new HttpListener();
        private readonly ConcurrentQueue<(int Status, string Body, string? ContentType, string? Location)> _responses =
            new ConcurrentQueue<(int, string, string?, string?)>();

        private const int Silence = -1;

        public StubHttpServer()
        {
            Port = FreePort();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port { get; }
        public string Url => $"http://127.0.0.1:{Port}";
        public ConcurrentQueue<RecordedRequest> Requests { get; } = new ConcurrentQueue<RecordedRequest>();

        /// <param name="contentType">null sends no Content-Type header.</param>
        public void Enqueue(int status, string body, string? contentType = "text/xml", string? location = null) =>
            _responses.Enqueue((status, body, contentType, location));

        /// <summary>The next request is recorded and never answered: the connection closes after the client has given up.</summary>
        public void EnqueueSilence() => _responses.Enqueue((Silence, "", null, null));

        public void EnqueueSample(int status, string sampleName) =>
            Enqueue(status, File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", sampleName)));

        /// <summary>A client of ours pointed at this server, with fixed keys and no retries.</summary>
        public CloudFrontClient CreateClient(string? region = null)
        {
            var config = ClientFactory.CreateConfig(new ClientSettings { EndpointUrl = Url, Region = region });
            config.MaxErrorRetry = 0;
            return new CloudFrontClient(new BasicAWSCredentials("AKIDCLIENTTEST", "not-a-real-secret"), config);
        }

        public void Dispose() => _listener.Close();

        private async Task ServeAsync()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception) { return; }

                var request = context.Request;
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                Requests.Enqueue(new RecordedRequest(request.HttpMethod, request.Url!.AbsolutePath,
                    request.Url.Query, request.Headers["Authorization"], await reader.ReadToEndAsync(), request.ContentType));
                var (status, body, contentType, location) = _responses.TryDequeue(out var next) ? next : (500, "no response queued", "text/plain", null);
                if (status == Silence)
                {
                    // Held aside so that the client's retry is served meanwhile.
                    _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => context.Response.Abort(), TaskScheduler.Default);
                    continue;
                }
                if (location != null) context.Response.AddHeader("Location", location);
                var bytes = Encoding.UTF8.GetBytes(body);
                context.Response.StatusCode = status;
                if (contentType != null) context.Response.ContentType = contentType;
                context.Response.AddHeader("x-amz-request-id", "stub-request-id");
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes, 0, bytes.Length);
                context.Response.Close();
            }
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }
    }

    internal sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body, string? ContentType);
}
