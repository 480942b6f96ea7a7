namespace AppointmentSlices.Bench.Cli;

public static class Scenario
{
    public const string PgNoIndex = "pg-noindex";
    public const string PgIndexed = "pg-indexed";
    public const string Mongo = "mongo";

    /// <summary>In the order they run: without the indexes first, since the indexes are built on the same data.</summary>
    public static readonly IReadOnlyList<string> Known = [PgNoIndex, PgIndexed, Mongo];

    public static string Title(string name) =>
        name switch
        {
            PgNoIndex => "PostgreSQL without query indexes",
            PgIndexed => "PostgreSQL with query indexes",
            _ => "MongoDB",
        };
}
