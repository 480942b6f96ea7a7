using Microsoft.AspNetCore.Http;

namespace AppointmentSlices.Features.Common;

/// <summary>Who acts through an API request: its API key or signed-in staff member, else the anonymous API.</summary>
public static class RequestActor
{
    public static Actor Of(HttpContext http) => Actor.From(http.User, Actor.Api);
}
