using System.Net;
using LocalCloudFront;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

// Usage: see CommandLine.Usage.
// Prints "LISTENING http://127.0.0.1:PORT" as its first stdout line, then nothing; exits when stdin
// closes (so a parent that dies never leaves it running) or on SIGTERM / Ctrl+C.

if (!CommandLine.TryParse(args, out CommandLine commandLine, out string? usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

var store = new DistributionStore();
if (commandLine.ConfigPath is not null)
{
    try
    {
        store.LoadSeed(commandLine.ConfigPath);
    }
    catch (InvalidDataException error)
    {
        Console.Error.WriteLine(error.Message);
        return 1;
    }
}

// Command-line arguments are ours alone: don't let the host read them as configuration.
WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
builder.Logging.ClearProviders();
builder.Services.Configure<ConsoleLifetimeOptions>(options => options.SuppressStatusMessages = true);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, commandLine.Port));
builder.Services.AddSingleton(store);
builder.Services.AddSingleton(new ServerState(commandLine.Settings));
builder.Services.AddSingleton<RequestLog>();

WebApplication app = builder.Build();
RequestLog requestLog = app.Services.GetRequiredService<RequestLog>();
app.UseWhen(
    context => !context.Request.Path.StartsWithSegments("/_admin"),
    cloudFront => cloudFront.Use(requestLog.RecordAsync));
app.MapAdminApi();
app.MapFakeIdentityApi();
app.MapCloudFrontApi();

await app.StartAsync();
string address = app.Services.GetRequiredService<IServer>().Features
    .GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
Console.Out.WriteLine($"LISTENING {address}");
Console.Out.Flush();

StopWhenStdinCloses(app.Lifetime);
await app.WaitForShutdownAsync();
return 0;

static void StopWhenStdinCloses(IHostApplicationLifetime lifetime)
{
    // A blocking read on a dedicated thread: Console.In's async reads are not cancellable and would
    // tie up a thread-pool thread.
    var watcher = new Thread(() =>
    {
        using Stream stdin = Console.OpenStandardInput();
        var buffer = new byte[256];
        while (stdin.Read(buffer) > 0)
        {
        }
        lifetime.StopApplication();
    })
    {
        IsBackground = true,
        Name = "stdin watcher",
    };
    watcher.Start();
}
