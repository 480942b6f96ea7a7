# The host as a container: built with the SDK, run on the ASP.NET Core runtime image as a non-root user.
# compose.yaml starts it with PostgreSQL and MongoDB; `docker build .` builds it alone.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /source

# Restore first, from the project files alone, so that a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Infrastructure/AppointmentSlices.Infrastructure.csproj src/Infrastructure/
COPY src/Features/AppointmentSlices.Features.csproj src/Features/
COPY src/Web/AppointmentSlices.Web.csproj src/Web/
RUN dotnet restore src/Web/AppointmentSlices.Web.csproj

COPY src/ src/
RUN dotnet publish src/Web/AppointmentSlices.Web.csproj --no-restore -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# The data-protection key ring lives here; compose mounts one named volume on it for every replica. Created now
# so that a fresh volume takes the app user as its owner.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DataProtection__KeysPath=/var/lib/appointment-slices/keys
RUN mkdir -p /var/lib/appointment-slices/keys && chown -R "$APP_UID" /var/lib/appointment-slices

COPY --from=build /app .
USER $APP_UID
EXPOSE 8080

ENTRYPOINT ["dotnet", "AppointmentSlices.Web.dll"]
