using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace AppointmentSlices.Web.Startup;

/// <summary>
/// What lets several copies of the host serve one clinic behind a reverse proxy: one data-protection key ring
/// (cookies, antiforgery tokens and TempData written by one replica are read by another) and the caller's own
/// address and scheme from the proxy's X-Forwarded-* headers, trusted only from the configured proxy networks.
/// </summary>
public static class ReplicaRegistration
{
    private const string ApplicationName = "AppointmentSlices";

    public static IServiceCollection AddReplicaSupport(this IServiceCollection services, IConfiguration configuration)
    {
        var keys = services.AddDataProtection().SetApplicationName(ApplicationName);
        if (configuration["DataProtection:KeysPath"] is { Length: > 0 } keysPath)
        {
            keys.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }

        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = 1;
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }

            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }
}
