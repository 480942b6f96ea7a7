using System.Globalization;
using System.Security.Claims;
using AppointmentSlices.Features.CreateStaffUser;
using AppointmentSlices.Features.Staff;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace AppointmentSlices.Web.Security;

/// <summary>
/// Who may use the back office: staff sign in with a cookie; /admin pages send anyone else to the sign-in page.
/// Admins and receptionists run the desk; managing staff and API keys is for admins only.
/// </summary>
public static class SecurityRegistration
{
    private const string StaffScheme = "Staff";
    private const string FrontDeskPages = "FrontDeskPages";
    private const string AdminPages = "AdminPages";
    private const string AgendaPages = "AgendaPages";

    /// <summary>The back-office pages a doctor may open too: their own agenda and appointments; signing out.</summary>
    private static readonly HashSet<string> DoctorPages =
    [
        "/Admin/Index",
        "/Admin/Appointments/Details",
        "/Admin/SignOut",
    ];

    public const string DoctorIdClaim = "doctor_id";

    /// <summary>The account's session generation the session was signed in under; signing out moves it on.</summary>
    public const string SessionGenerationClaim = "session_generation";

    /// <summary>The first admin of a private local cluster when none is configured; README says so.</summary>
    public const string LocalAdminEmail = "admin@clinic.local";
    public const string LocalAdminPassword = "local-clinic-admin";

    public static IServiceCollection AddClinicSecurity(this IServiceCollection services)
    {
        services
            .AddAuthentication(StaffScheme)
            .AddPolicyScheme(StaffScheme, "Staff cookie or API key", options =>
                options.ForwardDefaultSelector = context =>
                    context.Request.Headers.ContainsKey(ApiKeyHandler.Header)
                        ? ApiKeyHandler.SchemeName
                        : CookieAuthenticationDefaults.AuthenticationScheme
            )
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/admin/sign-in";
                options.LogoutPath = "/admin/sign-out";
                options.Cookie.Name = "clinic-staff";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                // A locked account's session ends, and a changed role applies, within a minute.
                options.Events.OnValidatePrincipal = StaffSessionCheck.ValidateAsync;
                options.Events.OnRedirectToLogin = context =>
                {
                    if (ApiProblems.IsApi(context.Request))
                    {
                        return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized);
                    }

                    context.Response.Redirect(context.RedirectUri);
                    return Task.CompletedTask;
                };
                // Another role's page answers 403 (the error page), not a second sign-in form.
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    if (ApiProblems.IsApi(context.Request))
                    {
                        return ApiProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden);
                    }

                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });

        services
            .AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.FrontDesk, policy => policy.RequireRole(StaffRoles.Admin, StaffRoles.Receptionist))
            .AddPolicy(StaffPolicies.AdminOnly, policy => policy.RequireRole(StaffRoles.Admin))
            .AddPolicy(StaffPolicies.Agenda, policy =>
                policy.RequireRole(StaffRoles.Admin, StaffRoles.Receptionist, StaffRoles.Doctor)
            )
            // Pages take the cookie only: an API key opens no back-office page.
            .AddPolicy(FrontDeskPages, policy =>
                policy
                    .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                    .RequireRole(StaffRoles.Admin, StaffRoles.Receptionist)
            )
            .AddPolicy(AdminPages, policy =>
                policy
                    .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                    .RequireRole(StaffRoles.Admin)
            )
            .AddPolicy(AgendaPages, policy =>
                policy
                    .AddAuthenticationSchemes(CookieAuthenticationDefaults.AuthenticationScheme)
                    .RequireRole(StaffRoles.Admin, StaffRoles.Receptionist, StaffRoles.Doctor)
            );

        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
        {
            // Policies add up, so a doctor's pages get the agenda policy instead of the front desk's, not besides it.
            options.Conventions.AddFolderApplicationModelConvention("/Admin", page =>
                page.EndpointMetadata.Add(
                    new AuthorizeAttribute(DoctorPages.Contains(page.ViewEnginePath) ? AgendaPages : FrontDeskPages)
                )
            );
            options.Conventions.AuthorizeFolder("/Admin/Staff", AdminPages);
            options.Conventions.AuthorizeFolder("/Admin/ApiKeys", AdminPages);
            options.Conventions.AllowAnonymousToPage("/Admin/SignIn");
        });
        return services;
    }

    public static IApplicationBuilder UseClinicSecurity(this IApplicationBuilder app) =>
        app.UseAuthentication().UseAuthorization();

    /// <summary>
    /// A key that was sent and refused (made up, mistyped, revoked) answers 401 on every API route, the public
    /// ones too: the integrator learns at once that the key is wrong instead of being served as a stranger. Goes
    /// after the rate limits, so a flood of made-up keys is limited like any other.
    /// </summary>
    public static IApplicationBuilder UseRefusedApiKeys(this IApplicationBuilder app) =>
        app.Use(
            (context, next) =>
                ApiProblems.IsApi(context.Request)
                && context.Request.Headers.ContainsKey(ApiKeyHandler.Header)
                && context.User.Identity?.IsAuthenticated != true
                    ? ApiProblems.WriteAsync(context, StatusCodes.Status401Unauthorized)
                    : next(context)
        );

    public static ClaimsPrincipal Principal(StaffMember member, int sessionGeneration)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, member.Id.ToString()),
            new(ClaimTypes.Name, member.DisplayName),
            new(ClaimTypes.Role, member.Role),
            new(SessionGenerationClaim, sessionGeneration.ToString(CultureInfo.InvariantCulture)),
        ];
        if (member.DoctorId is { } doctorId)
        {
            claims.Add(new Claim(DoctorIdClaim, doctorId.ToString()));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    /// <summary>
    /// Creates the first admin from <c>Staff:Admin:Email</c> and <c>Staff:Admin:Password</c> when there is no
    /// admin yet. On the private local cluster without them, the documented local admin is used instead.
    /// </summary>
    public static async Task EnsureFirstAdminAsync(this WebApplication app, bool onLocalCluster)
    {
        var configured = app.Configuration.GetSection("Staff:Admin");
        var email = configured["Email"];
        var password = configured["Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            if (!onLocalCluster)
            {
                return;
            }

            (email, password) = (LocalAdminEmail, LocalAdminPassword);
        }

        var mediator = app.Services.GetRequiredService<IMediator>();
        await mediator.Send(new EnsureFirstAdminCommand(email, password));
    }
}
