namespace AppointmentSlices.Infrastructure.LocalPostgres;

/// <summary>No PostgreSQL server binaries were found, so no private cluster can be started.</summary>
public sealed class PostgresNotInstalledException : Exception
{
    private const string Guidance =
        "Install the PostgreSQL server binaries (on Debian/Ubuntu: apt-get install postgresql postgresql-contrib; "
        + "contrib provides the btree_gist and unaccent extensions the schema needs), "
        + "or point the app at an existing server with the ConnectionStrings__Postgres environment variable "
        + "(setting ConnectionStrings:Postgres), or run `docker compose up`, which starts the whole system "
        + "with its own database.";

    public PostgresNotInstalledException()
        : this("No PostgreSQL server binaries (pg_ctl, initdb, postgres) were found.") { }

    public PostgresNotInstalledException(string problem)
        : base($"{problem} {Guidance}") { }

    public PostgresNotInstalledException(string problem, Exception innerException)
        : base($"{problem} {Guidance}", innerException) { }
}
