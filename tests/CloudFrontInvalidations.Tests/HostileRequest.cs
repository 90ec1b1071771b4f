using System.Collections.Concurrent;

namespace CloudFrontInvalidations.Tests
{
    /// <summary>What <see cref="HostileHttpServer"/> read of one request: its method, target and headers.</summary>
    internal sealed record HostileRequest(string Method, string Target, ConcurrentDictionary<string, string> Headers);
}
