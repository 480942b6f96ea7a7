using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AppointmentSlices.Web.Hardening;

/// <summary>
/// A page asked with a method it has no handler for (TRACE, or a POST to a page that only shows something, or a
/// handler name it doesn't have) answers 405 with the methods it takes, instead of rendering a model nothing has
/// filled in. A page without handlers, such as the error page, renders for every method.
/// </summary>
internal sealed class UnhandledMethodFilter : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var handlers = context.ActionDescriptor.HandlerMethods;
        if (context.HandlerMethod is not null || handlers.Count == 0)
        {
            return;
        }

        var methods = handlers.Select(h => h.HttpMethod.ToUpperInvariant()).ToHashSet();
        if (methods.Contains(HttpMethods.Get))
        {
            methods.Add(HttpMethods.Head);
        }

        context.HttpContext.Response.Headers.Allow = string.Join(", ", methods.Order(StringComparer.Ordinal));
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }
}
