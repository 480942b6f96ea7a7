using System.Net;
using AppointmentSlices.Features.Common;
using AppointmentSlices.Features.Staff;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Npgsql;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>
/// Staff accounts put straight into the database, and a browser signed in as one of them through the real
/// sign-in page, and API keys. The password is hashed once, with few iterations, so signing in costs a test little.
/// </summary>
public static class StaffSessions
{
    public const string Password = "a-test-staff-password";

    private const string InsertSql = """
        INSERT INTO staff_users (id, email, display_name, role, doctor_id, password_hash)
        VALUES (@id, @email, @displayName, @role, @doctorId, @passwordHash)
        """;

    private static readonly string PasswordHash = new PasswordHasher<StaffMember>(
        Options.Create(new PasswordHasherOptions { IterationCount = 1_000 })
    ).HashPassword(null!, Password);

    /// <summary>A staff account with <see cref="Password"/>; returns its email.</summary>
    public static async Task<string> AddStaffAsync(
        this NpgsqlDataSource db,
        string role = StaffRoles.Admin,
        Guid? doctorId = null
    )
    {
        var id = Guid.CreateVersion7();
        var email = $"{role.ToLowerInvariant()}-{id:N}@clinic.test";
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            InsertSql,
            new
            {
                id,
                email,
                displayName = $"Test {role}",
                role,
                doctorId,
                passwordHash = PasswordHash,
            }
        );
        return email;
    }

    /// <summary>An API key as an admin would issue it; returns the key itself.</summary>
    public static async Task<string> AddApiKeyAsync(this NpgsqlDataSource db, string name = "Test integrator")
    {
        var key = ManageToken.Create();
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO api_keys (id, name, key_hash, created_at) VALUES (@id, @name, @hash, now())",
            new
            {
                id = Guid.CreateVersion7(),
                name,
                hash = ManageToken.Hash(key),
            }
        );
        return key;
    }

    /// <summary>Fills in and sends the sign-in form; the browser must keep cookies.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string email, string password)
    {
        var page = await (await browser.GetAsync("/admin/sign-in")).ParseAsync();
        var form = page.Form("form", "/admin/sign-in");
        return await browser.SubmitAsync(form, ("email", email), ("password", password));
    }

    /// <summary>How the history and the audit log name a key's requests: <c>apikey:&lt;id&gt;</c>.</summary>
    public static async Task<string> ApiKeyActorAsync(this NpgsqlDataSource db, string key)
    {
        await using var connection = await db.OpenConnectionAsync();
        var id = await connection.QuerySingleAsync<Guid>(
            "SELECT id FROM api_keys WHERE key_hash = @hash",
            new { hash = ManageToken.Hash(key) }
        );
        return Actor.ApiKey(id).Value;
    }

    /// <summary>How the history and the audit log name a staff member's changes: <c>staff:&lt;id&gt;</c>.</summary>
    public static async Task<string> StaffActorAsync(this NpgsqlDataSource db, string email)
    {
        await using var connection = await db.OpenConnectionAsync();
        var id = await connection.QuerySingleAsync<Guid>(
            "SELECT id FROM staff_users WHERE email = @email",
            new { email }
        );
        return Actor.StaffUser(id).Value;
    }

    /// <summary>Signs the browser in as a new staff member of this role; returns how the history names them.</summary>
    public static async Task<string> SignInAsStaffAsync(
        this HttpClient browser,
        NpgsqlDataSource db,
        string role = StaffRoles.Admin,
        Guid? doctorId = null
    )
    {
        var email = await db.AddStaffAsync(role, doctorId);
        var response = await browser.SignInAsync(email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return await db.StaffActorAsync(email);
    }
}
