using System.Security;
using System.Text;

namespace LocalCloudFront;

/// <summary>
/// Just enough STS and SSO for the SDK's assume-role and SSO profiles to get temporary credentials here
/// (AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL_SSO): each answer's access key id names where it came from, so a
/// test can tell from the CloudFront request log which credentials signed. Requests are logged like
/// CloudFront's; nothing is verified.
/// </summary>
public static class FakeIdentityApi
{
    public const string SsoBearerTokenHeader = "x-amz-sso_bearer_token";
    private static readonly DateTime Expiration = DateTime.UtcNow.Date.AddDays(2);

    public static void MapFakeIdentityApi(this WebApplication app)
    {
        app.MapPost("/", AssumeRoleAsync).WithName("AssumeRole");
        app.MapGet("/federation/credentials", GetRoleCredentials).WithName("GetRoleCredentials");
    }

    /// <summary>STS AssumeRole (query protocol): the access key id is ASIA + the role name's letters.</summary>
    private static async Task<IResult> AssumeRoleAsync(HttpRequest request)
    {
        IFormCollection form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        if (form["Action"] != "AssumeRole")
        {
            return Results.BadRequest();
        }
        string roleArn = form["RoleArn"].ToString();
        string accessKeyId = KeyFor("ASIAROLE", roleArn[(roleArn.LastIndexOf('/') + 1)..]);
        string xml = $"""
            <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <AssumeRoleResult>
                <Credentials>
                  <AccessKeyId>{accessKeyId}</AccessKeyId>
                  <SecretAccessKey>fake-sts-secret</SecretAccessKey>
                  <SessionToken>fake-sts-session-token</SessionToken>
                  <Expiration>{Expiration:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
                </Credentials>
                <AssumedRoleUser>
                  <AssumedRoleId>AROAFAKE:{SecurityElement.Escape(form["RoleSessionName"].ToString())}</AssumedRoleId>
                  <Arn>{SecurityElement.Escape(roleArn)}</Arn>
                </AssumedRoleUser>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """;
        return Results.Text(xml, "text/xml", Encoding.UTF8);
    }

    /// <summary>SSO portal GetRoleCredentials: the access key id is ASIASSO + the role name's letters.</summary>
    private static IResult GetRoleCredentials(HttpContext context, string role_name, string account_id)
    {
        if (string.IsNullOrEmpty(context.Request.Headers[SsoBearerTokenHeader]))
        {
            return Results.Json(new { message = "Session token not found or invalid" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        return Results.Json(new
        {
            roleCredentials = new
            {
                accessKeyId = KeyFor("ASIASSO", role_name),
                secretAccessKey = "fake-sso-secret",
                sessionToken = "fake-sso-session-token",
                expiration = new DateTimeOffset(Expiration).ToUnixTimeMilliseconds(),
            },
        });
    }

    private static string KeyFor(string prefix, string name) =>
        prefix + new string(name.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
