using System.Globalization;

namespace LocalCloudFront;

/// <summary>The server's options: --port N (0 = any free port) and --config seed.json.</summary>
public sealed record CommandLine(int Port, string? ConfigPath)
{
    public static bool TryParse(string[] args, out CommandLine commandLine, out string? error)
    {
        commandLine = new CommandLine(0, null);
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port <= 65535:
                    commandLine = commandLine with { Port = port };
                    i++;
                    break;
                case "--config" when value is not null:
                    commandLine = commandLine with { ConfigPath = value };
                    i++;
                    break;
                default:
                    error = $"Invalid argument '{args[i]}'" + (value is null ? "." : $" (followed by '{value}').");
                    return false;
            }
        }
        return true;
    }
}
