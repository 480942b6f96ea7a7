using System.Diagnostics;
using System.Text;

namespace AppointmentSlices.Infrastructure.LocalPostgres;

internal sealed record CommandResult(int ExitCode, string Output, string Error);

/// <summary>
/// Runs the PostgreSQL programs. PostgreSQL refuses to run as root, so a root process runs them as the
/// <c>postgres</c> system user through runuser.
/// </summary>
internal sealed class ClusterCommands(string binDirectory, bool asPostgresUser)
{
    public const string PostgresUser = "postgres";

    public bool AsPostgresUser => asPostgresUser;

    /// <summary>Runs a program from the bin folder and throws when it fails.</summary>
    public async Task<CommandResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        string? serverLog,
        CancellationToken cancellationToken
    )
    {
        var result = await TryRunAsync(program, arguments, cancellationToken);
        if (result.ExitCode == 0)
        {
            return result;
        }

        var message = new StringBuilder($"{program} failed with exit code {result.ExitCode}.");
        var said = string.IsNullOrWhiteSpace(result.Error) ? result.Output : result.Error;
        message.Append(' ').Append(said.Trim());
        if (serverLog is not null && File.Exists(serverLog))
        {
            var tail = File.ReadLines(serverLog).TakeLast(20);
            message.AppendLine().AppendLine($"Last lines of {serverLog}:").AppendJoin(Environment.NewLine, tail);
        }

        throw new InvalidOperationException(message.ToString());
    }

    /// <summary>Runs a program from the bin folder and reports its exit code, whatever it is.</summary>
    public Task<CommandResult> TryRunAsync(
        string program,
        IEnumerable<string> arguments,
        CancellationToken cancellationToken
    ) => ExecuteAsync(Path.Combine(binDirectory, program), arguments, asPostgresUser, cancellationToken);

    /// <summary>Whether the postgres user can write in the folder (it must also traverse every parent).</summary>
    public async Task<bool> PostgresUserCanWriteAsync(string folder, CancellationToken cancellationToken) =>
        (await ExecuteAsync("test", ["-w", folder, "-a", "-x", folder], asPostgresUser, cancellationToken)).ExitCode
        == 0;

    public static async Task GiveToPostgresUserAsync(string folder, CancellationToken cancellationToken)
    {
        var result = await ExecuteAsync(
            "chown",
            [$"{PostgresUser}:{PostgresUser}", folder],
            asPostgresUser: false,
            cancellationToken
        );
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not give {folder} to the {PostgresUser} user: {result.Error}");
        }
    }

    private static async Task<CommandResult> ExecuteAsync(
        string file,
        IEnumerable<string> arguments,
        bool asPostgresUser,
        CancellationToken cancellationToken
    )
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be allowed into the current folder.
            WorkingDirectory = "/",
        };
        if (asPostgresUser)
        {
            foreach (var prefix in new[] { "-u", PostgresUser, "--", file })
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return new CommandResult(process.ExitCode, await output, await error);
    }
}
