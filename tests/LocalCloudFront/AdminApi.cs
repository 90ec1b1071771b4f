using System.Text.Json;

namespace LocalCloudFront;

/// <summary>JSON endpoints under /_admin with which tests configure distributions and read the log.</summary>
public static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        RouteGroupBuilder admin = app.MapGroup("/_admin");
        admin.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        admin.MapPut("/distributions/{id}", PutDistributionAsync);
        admin.MapDelete("/distributions/{id}", (string id, DistributionStore store) =>
        {
            store.Remove(id);
            return Results.NoContent();
        });
        admin.MapGet("/requests", (RequestLog log) => Results.Json(log.Snapshot(), SettingsJson.Options));
        admin.MapDelete("/requests", (RequestLog log) =>
        {
            log.Clear();
            return Results.NoContent();
        });
    }

    /// <summary>Creates or replaces a distribution; replacing resets its fault counters.</summary>
    private static async Task<IResult> PutDistributionAsync(string id, HttpRequest request, DistributionStore store)
    {
        DistributionSettings? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<DistributionSettings>(
                request.Body, SettingsJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return Results.BadRequest(new { error = error.Message });
        }
        string? problem = settings is null ? "The body must be a JSON object." : settings.Validate();
        if (problem is not null)
        {
            return Results.BadRequest(new { error = problem });
        }
        Distribution distribution = store.Put(id, settings!);
        return Results.Json(distribution.Settings, SettingsJson.Options);
    }
}
