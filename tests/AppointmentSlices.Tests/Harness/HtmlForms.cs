using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace AppointmentSlices.Tests.Harness;

/// <summary>Reads pages as a browser would and fills their forms in, antiforgery token included.</summary>
public static class HtmlForms
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    public static async Task<IDocument> ParseAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    /// <summary>
    /// The form the selector finds, with the fields it would send as it stands. A form without an action posts
    /// back to the page's own address, which the test then gives.
    /// </summary>
    public static HtmlForm Form(this IDocument page, string selector, string? pageAddress = null)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector);
        Assert.True(form is not null, $"No form '{selector}' on the page.");
        var inputs = form
            .Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name) && i.Type is not ("submit" or "button"))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        var textAreas = form
            .Elements.OfType<IHtmlTextAreaElement>()
            .Where(t => !string.IsNullOrEmpty(t.Name))
            .Select(t => new KeyValuePair<string, string>(t.Name!, t.Value));
        var fields = inputs.Concat(textAreas).ToList();
        Assert.Contains(fields, f => f.Key == AntiforgeryField && f.Value.Length > 0);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : pageAddress;
        Assert.True(action is not null, $"The form '{selector}' has no action; give the page's address.");
        return new HtmlForm(action, fields);
    }

    public static Task<HttpResponseMessage> SubmitAsync(
        this HttpClient browser,
        HtmlForm form,
        params (string Name, string Value)[] entries
    ) => browser.PostAsync(form.Action, form.With(entries));
}

/// <summary>A form's target and fields; <see cref="With"/> is what a browser posts with the user's entries.</summary>
public sealed record HtmlForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public FormUrlEncodedContent With(params (string Name, string Value)[] entries) =>
        new(
            Fields
                .Where(f => entries.All(e => e.Name != f.Key))
                .Concat(entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)))
        );
}
