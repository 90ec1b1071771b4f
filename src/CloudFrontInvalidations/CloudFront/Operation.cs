using System.Threading;
using System.Threading.Tasks;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>One call of a wire operation: what the engines are given, so the client and test scripts both fit.</summary>
    internal delegate Task<TResponse> Operation<in TRequest, TResponse>(TRequest request, CancellationToken cancellationToken);
}
