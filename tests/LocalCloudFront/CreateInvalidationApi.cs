using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace LocalCloudFront;

/// <summary>
/// CreateInvalidation and CreateInvalidationForDistributionTenant: <c>POST /2020-05-31/distribution/{Id}/invalidation</c>
/// (and <c>distribution-tenant/{Id}</c>) with an InvalidationBatch body, answered 201 with Location and the Invalidation,
/// through the owner's latency and faults like every other operation. The paths are stored exactly as received.
/// </summary>
public static class CreateInvalidationApi
{
    /// <summary>The most paths one batch may carry.</summary>
    public const int MaxPathsPerBatch = 3000;

    public static void MapCreateInvalidationApi(this WebApplication app)
    {
        MapCreate(app, "distribution", "distributionId", store => store.Distributions, CloudFrontError.NoSuchDistribution, "CreateInvalidation");
        MapCreate(app, "distribution-tenant", "tenantId", store => store.Tenants, CloudFrontError.EntityNotFound,
            "CreateInvalidationForDistributionTenant");
    }

    private static void MapCreate(WebApplication app, string ownerSegment, string ownerIdName,
        Func<DistributionStore, DistributionCollection> owners, CloudFrontError ownerNotFound, string operation)
    {
        app.MapPost($"{CloudFrontApi.PathPrefix}/{ownerSegment}/{{{ownerIdName}}}/invalidation",
                async (HttpContext context, DistributionStore store, ServerState server) =>
                {
                    string body;
                    using (var reader = new StreamReader(context.Request.Body))
                    {
                        body = await reader.ReadToEndAsync(context.RequestAborted);
                    }
                    Distribution? owner = owners(store).Find((string)context.GetRouteValue(ownerIdName)!);
                    await CloudFrontApi.AnswerAsync(context, server, owner?.FaultsFor(FaultScope.Create), applied => owner is null
                        ? CloudFrontApi.ErrorAnswer(context, ownerNotFound)
                        : Create(context, owner, ownerSegment, body, applied));
                })
            .WithName(operation);
    }

    private static (int Status, string Body) Create(HttpContext context, Distribution owner, string ownerSegment, string body, List<string> applied)
    {
        int requestNumber = owner.Created.CountRequest();
        if (ReadBatch(body, out List<string> paths, out string callerReference) is CloudFrontError invalid)
        {
            return CloudFrontApi.ErrorAnswer(context, invalid);
        }
        CreateOutcome outcome = owner.Created.Create(paths, callerReference, owner.Settings.Creation);
        if (outcome.Error is CloudFrontError refused)
        {
            return CloudFrontApi.ErrorAnswer(context, refused);
        }

        CreationSettings settings = owner.Settings.Creation;
        if (requestNumber <= settings.LoseAnswerFirst)
        {
            // Carried out, and then the answer is lost: the client cannot tell whether the batch was created.
            if (settings.LoseAnswerBy == LostAnswer.Reset)
            {
                applied.Add("loseAnswer:reset");
                context.Abort();
                return (StatusCodes.Status500InternalServerError, "");
            }
            applied.Add("loseAnswer:serverError");
            return CloudFrontApi.ErrorAnswer(context, CloudFrontError.ServerError(500));
        }

        InvalidationDetail created = outcome.Invalidation!.Current;
        HttpRequest request = context.Request;
        context.Response.Headers.Location =
            $"{request.Scheme}://{request.Host}{CloudFrontApi.PathPrefix}/{ownerSegment}/{owner.Id}/invalidation/{created.Summary.Id}";
        return (StatusCodes.Status201Created, CloudFrontXml.Invalidation(created));
    }

    /// <summary>Reads an InvalidationBatch as CloudFront checks it; null when it is valid.</summary>
    private static CloudFrontError? ReadBatch(string body, out List<string> paths, out string callerReference)
    {
        paths = [];
        callerReference = "";
        if (string.IsNullOrWhiteSpace(body))
        {
            return CloudFrontError.MissingBody;
        }
        XElement root;
        try
        {
            root = XDocument.Parse(body).Root!;
        }
        catch (XmlException)
        {
            return CloudFrontError.InvalidArgument("The XML document is malformed.");
        }
        XElement? pathsElement = Child(root, "Paths");
        if (root.Name.LocalName != "InvalidationBatch" || pathsElement is null)
        {
            return CloudFrontError.InvalidArgument("The request body is not an InvalidationBatch with Paths.");
        }
        callerReference = Child(root, "CallerReference")?.Value ?? "";
        if (callerReference.Length == 0)
        {
            return CloudFrontError.InvalidArgument("CallerReference is required.");
        }
        paths = Child(pathsElement, "Items")?.Elements().Where(e => e.Name.LocalName == "Path").Select(e => e.Value).ToList() ?? [];
        if (!int.TryParse(Child(pathsElement, "Quantity")?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out int quantity))
        {
            return CloudFrontError.InvalidArgument("Paths.Quantity must be a non-negative integer.");
        }
        if (quantity != paths.Count)
        {
            return CloudFrontError.InconsistentQuantities;
        }
        if (paths.Count > MaxPathsPerBatch)
        {
            return CloudFrontError.BatchTooLarge;
        }
        if (paths.Count == 0 || paths.Any(path => !path.StartsWith('/') && !path.StartsWith('#')))
        {
            return CloudFrontError.InvalidArgument("Your request contains one or more invalid invalidation paths.");
        }
        return null;
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
}
