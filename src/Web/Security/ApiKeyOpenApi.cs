using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AppointmentSlices.Web.Security;

/// <summary>
/// The OpenAPI document declares the <c>X-Api-Key</c> scheme, and every operation behind an authorization policy
/// (the staff routes) requires it; public routes list no requirement.
/// </summary>
internal static class ApiKeyOpenApi
{
    public const string SchemeId = "ApiKey";

    public static OpenApiOptions AddApiKeySecurity(this OpenApiOptions options) =>
        options
            .AddDocumentTransformer(
                (document, _, _) =>
                {
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Header,
                        Name = ApiKeyHandler.Header,
                        Description = "A key an admin issued; it acts like a receptionist. A staff session works too.",
                    };
                    return Task.CompletedTask;
                }
            )
            .AddOperationTransformer(
                (operation, context, _) =>
                {
                    var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                    var authorized =
                        metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy)
                        && !metadata.Any(m => m is IAllowAnonymous);
                    if (authorized)
                    {
                        operation.Security ??= [];
                        operation.Security.Add(
                            new OpenApiSecurityRequirement
                            {
                                [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [],
                            }
                        );
                    }

                    return Task.CompletedTask;
                }
            );
}
