using System.Net;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CloudFrontInvalidations.CloudFront
{
    /// <summary>
    /// Just inside the unmarshaller: every 3xx answer becomes an error response, which the operation's error unmarshaller
    /// turns into a <see cref="RedirectRefusedException"/>, instead of a success whose body is read for a result element it
    /// lacks. The HttpClient follows none (ClientConfig.AllowAutoRedirect is off): a followed redirect would carry the signed
    /// request's headers, the session token among them, to whatever host the Location names.
    /// </summary>
    internal sealed class RedirectRefusingHandler : PipelineHandler
    {
        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            var result = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            var response = executionContext.ResponseContext.HttpResponse;
            if (response != null && response.StatusCode >= HttpStatusCode.Ambiguous && response.StatusCode < HttpStatusCode.BadRequest)
            {
                executionContext.ResponseContext.HttpResponse = null;
                throw new HttpErrorResponseException(response);
            }
            return result;
        }
    }
}
