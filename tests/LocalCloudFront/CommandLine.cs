using System.Globalization;

namespace LocalCloudFront;

/// <summary>
/// The server's options: --port N (0 = any free port), --config seed.json, and the initial server
/// settings --latency-ms N, --max-concurrent N, --distribution-page-cap N.
/// </summary>
public sealed record CommandLine(int Port, string? ConfigPath, ServerSettings Settings)
{
    public const string Usage =
        "Usage: LocalCloudFront [--port N] [--config seed.json] [--latency-ms N] [--max-concurrent N] [--distribution-page-cap N]";

    public static bool TryParse(string[] args, out CommandLine commandLine, out string? error)
    {
        commandLine = new CommandLine(0, null, new ServerSettings());
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            bool isNumber = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number);
            ServerSettings settings = commandLine.Settings;
            CommandLine? parsed = args[i] switch
            {
                "--port" when isNumber && number <= 65535 => commandLine with { Port = number },
                "--config" when value is not null => commandLine with { ConfigPath = value },
                "--latency-ms" when isNumber => commandLine with { Settings = settings with { LatencyMs = number } },
                "--max-concurrent" when isNumber => commandLine with { Settings = settings with { MaxConcurrent = number } },
                "--distribution-page-cap" when isNumber => commandLine with { Settings = settings with { DistributionPageCap = number } },
                _ => null,
            };
            if (parsed is null)
            {
                error = $"Invalid argument '{args[i]}'" + (value is null ? "." : $" (followed by '{value}').");
                return false;
            }
            if (parsed.Settings.Validate() is string problem)
            {
                error = $"Invalid argument '{args[i]} {value}': {problem}";
                return false;
            }
            commandLine = parsed;
            i++;
        }
        return true;
    }
}
