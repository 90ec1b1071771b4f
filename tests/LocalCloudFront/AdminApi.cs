using System.Text.Json;

namespace LocalCloudFront;

/// <summary>JSON endpoints under /_admin with which tests configure the server and read the log.</summary>
public static class AdminApi
{
    public static void MapAdminApi(this WebApplication app)
    {
        RouteGroupBuilder admin = app.MapGroup("/_admin");
        admin.MapGet("/health", () => Results.Ok(new { status = "ok" }));
        admin.MapPut("/distributions/{id}", (string id, HttpRequest request, DistributionStore store) =>
            PutDistributionAsync(id, request, store.Distributions));
        admin.MapDelete("/distributions/{id}", (string id, DistributionStore store) =>
        {
            store.Distributions.Remove(id);
            return Results.NoContent();
        });
        admin.MapPut("/tenants/{id}", (string id, HttpRequest request, DistributionStore store) =>
            PutDistributionAsync(id, request, store.Tenants));
        admin.MapDelete("/tenants/{id}", (string id, DistributionStore store) =>
        {
            store.Tenants.Remove(id);
            return Results.NoContent();
        });
        admin.MapGet("/settings", (ServerState server) => Results.Json(server.Settings, SettingsJson.Options));
        admin.MapPut("/settings", PutServerSettingsAsync);
        admin.MapGet("/requests", async (RequestLog log) => Results.Json(await log.SnapshotAsync(), SettingsJson.Options));
        admin.MapDelete("/requests", async (RequestLog log) =>
        {
            await log.ClearAsync();
            return Results.NoContent();
        });
    }

    /// <summary>Creates or replaces a distribution or tenant; replacing resets its fault counter and completion clock.</summary>
    private static async Task<IResult> PutDistributionAsync(string id, HttpRequest request, DistributionCollection into)
    {
        (DistributionSettings? settings, IResult? problem) = await ReadSettingsAsync<DistributionSettings>(request, s => s.Validate());
        return problem ?? Results.Json(into.Put(id, settings!).Settings, SettingsJson.Options);
    }

    /// <summary>Replaces every server setting (an absent member takes its default); resets ListDistributions' fault counter.</summary>
    private static async Task<IResult> PutServerSettingsAsync(HttpRequest request, ServerState server)
    {
        (ServerSettings? settings, IResult? problem) = await ReadSettingsAsync<ServerSettings>(request, s => s.Validate());
        if (problem is not null)
        {
            return problem;
        }
        server.Apply(settings!);
        return Results.Json(server.Settings, SettingsJson.Options);
    }

    /// <summary>Reads and validates a JSON body; on failure the second value is the 400 answer.</summary>
    private static async Task<(T? Settings, IResult? Problem)> ReadSettingsAsync<T>(HttpRequest request, Func<T, string?> validate)
        where T : class
    {
        T? settings;
        try
        {
            settings = await JsonSerializer.DeserializeAsync<T>(request.Body, SettingsJson.Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException error)
        {
            return (null, Results.BadRequest(new { error = error.Message }));
        }
        string? problem = settings is null ? "The body must be a JSON object." : validate(settings);
        return problem is null ? (settings, null) : (null, Results.BadRequest(new { error = problem }));
    }
}
