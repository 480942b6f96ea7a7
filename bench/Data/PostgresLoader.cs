using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace AppointmentSlices.Bench.Data;

/// <summary>
/// Loads the clinic with binary COPY: doctors and their week, then patients, then appointments split over two
/// connections so both cores work. Each COPY commits on its own.
/// </summary>
public sealed class PostgresLoader(NpgsqlDataSource db) : IDatasetLoader
{
    private const int ReportEvery = 10_000;

    public async Task<IReadOnlyList<LoadPhase>> LoadAsync(
        ClinicDataset data,
        IProgress<long> rowsWritten,
        CancellationToken ct
    )
    {
        var clock = Stopwatch.StartNew();
        long written = 0;
        void Count(int rows) => rowsWritten.Report(Interlocked.Add(ref written, rows));

        await CopyAsync(
            "COPY doctors (id, full_name, specialty, time_zone, slot_minutes) FROM STDIN (FORMAT BINARY)",
            data.Doctors,
            Count,
            ct,
            (row, d) =>
            {
                row.Write(d.Id, NpgsqlDbType.Uuid);
                row.Write(d.FullName, NpgsqlDbType.Text);
                row.Write(d.Specialty, NpgsqlDbType.Text);
                row.Write(BenchCalendar.ZoneId, NpgsqlDbType.Text);
                row.Write(BenchCalendar.SlotMinutes, NpgsqlDbType.Integer);
            }
        );

        var week = data.Doctors.SelectMany(d =>
            Enumerable
                .Range(1, 5)
                .SelectMany(day => BenchCalendar.WorkingIntervals.Select(hours => (d.Id, Day: (short)day, hours)))
        );
        await CopyAsync(
            "COPY working_hours (doctor_id, day_of_week, starts_at, ends_at) FROM STDIN (FORMAT BINARY)",
            week,
            Count,
            ct,
            (row, w) =>
            {
                row.Write(w.Id, NpgsqlDbType.Uuid);
                row.Write(w.Day, NpgsqlDbType.Smallint);
                row.Write(w.hours.Start, NpgsqlDbType.Time);
                row.Write(w.hours.End, NpgsqlDbType.Time);
            }
        );

        var leave = data.Doctors.Select((d, i) => (Doctor: d, Id: LeaveId(i)));
        await CopyAsync(
            "COPY time_off (id, doctor_id, starts_at, ends_at, reason) FROM STDIN (FORMAT BINARY)",
            leave,
            Count,
            ct,
            (row, l) =>
            {
                row.Write(l.Id, NpgsqlDbType.Uuid);
                row.Write(l.Doctor.Id, NpgsqlDbType.Uuid);
                row.Write(
                    data.Calendar.DateOf(l.Doctor.LeaveFromDay).ToDateTime(TimeOnly.MinValue),
                    NpgsqlDbType.Timestamp
                );
                row.Write(
                    data.Calendar.DateOf(l.Doctor.LeaveToDay).ToDateTime(TimeOnly.MinValue),
                    NpgsqlDbType.Timestamp
                );
                row.Write("Vacaciones", NpgsqlDbType.Text);
            }
        );

        await CopyAsync(
            "COPY patients (id, full_name, email, phone, created_at) FROM STDIN (FORMAT BINARY)",
            data.Patients,
            Count,
            ct,
            (row, p) =>
            {
                row.Write(p.Id, NpgsqlDbType.Uuid);
                row.Write(p.FullName, NpgsqlDbType.Text);
                row.Write(p.Email, NpgsqlDbType.Text);
                row.Write(p.Phone, NpgsqlDbType.Text);
                row.Write(p.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            }
        );

        // Checking each row against the no-overlap constraints' GiST indexes is most of the cost of the load; the
        // constraints are dropped for it and added back as they were, which checks every row at once.
        var doctorsAndPatients = clock.Elapsed.TotalSeconds;
        var constraints = await ExclusionConstraintsAsync(ct);
        await ExecuteAsync(
            string.Concat(constraints.Select(c => $"ALTER TABLE appointments DROP CONSTRAINT {c.Name};")),
            ct
        );
        var half = data.Appointments.Count / 2;
        await Task.WhenAll(
            Task.Run(() => AppointmentsAsync(data, 0, half, Count, ct), ct),
            Task.Run(() => AppointmentsAsync(data, half, data.Appointments.Count, Count, ct), ct)
        );
        var appointments = clock.Elapsed.TotalSeconds;
        await ExecuteAsync(
            "SET maintenance_work_mem = '512MB';"
                + string.Concat(
                    constraints.Select(c => $"ALTER TABLE appointments ADD CONSTRAINT {c.Name} {c.Definition};")
                ),
            ct
        );
        return
        [
            new("doctors, their week and leave, patients (COPY)", doctorsAndPatients),
            new("appointments (COPY, no-overlap constraints dropped)", appointments - doctorsAndPatients),
            new("no-overlap constraints added back (checks every row)", clock.Elapsed.TotalSeconds - appointments),
        ];
    }

    private async Task<List<(string Name, string Definition)>> ExclusionConstraintsAsync(CancellationToken ct)
    {
        const string Sql = """
            SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid = 'appointments'::regclass AND contype = 'x'
            """;
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var constraints = new List<(string, string)>();
        while (await reader.ReadAsync(ct))
        {
            constraints.Add((reader.GetString(0), reader.GetString(1)));
        }

        return constraints;
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var connection = await db.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The id of a doctor's week of leave; the MongoDB loader gives it the same one.</summary>
    internal static Guid LeaveId(int doctor) => new(doctor, 0, 0, [0x80, 0, 0, 0, 0, 0, 0, 1]);

    private Task AppointmentsAsync(ClinicDataset data, int from, int to, Action<int> count, CancellationToken ct)
    {
        const string Copy = """
            COPY appointments (id, doctor_id, patient_id, starts_at, ends_at, status, reason, created_at, updated_at)
            FROM STDIN (FORMAT BINARY)
            """;
        var slot = TimeSpan.FromMinutes(BenchCalendar.SlotMinutes);
        return CopyAsync(Copy, Enumerable.Range(from, to - from), count, ct, (row, i) =>
        {
            var a = data.Appointments[i];
            var starts = data.Calendar.StartOf(a.Day, a.Slot).UtcDateTime;
            row.Write(a.Id, NpgsqlDbType.Uuid);
            row.Write(data.Doctors[a.Doctor].Id, NpgsqlDbType.Uuid);
            row.Write(data.Patients[a.Patient].Id, NpgsqlDbType.Uuid);
            row.Write(starts, NpgsqlDbType.TimestampTz);
            row.Write(starts + slot, NpgsqlDbType.TimestampTz);
            row.Write(a.Status, NpgsqlDbType.Text);
            row.Write(a.Reason, NpgsqlDbType.Text);
            row.Write(a.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
            row.Write(a.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
        });
    }

    private async Task CopyAsync<T>(
        string copy,
        IEnumerable<T> rows,
        Action<int> count,
        CancellationToken ct,
        Action<NpgsqlBinaryImporter, T> write
    )
    {
        await using var connection = await db.OpenConnectionAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        var pending = 0;
        foreach (var row in rows)
        {
            importer.StartRow();
            write(importer, row);
            if (++pending == ReportEvery)
            {
                count(pending);
                pending = 0;
            }
        }

        await importer.CompleteAsync(ct);
        count(pending);
    }
}
