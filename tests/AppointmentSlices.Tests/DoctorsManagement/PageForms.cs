using System.Net;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Xunit;

namespace AppointmentSlices.Tests.DoctorsManagement;

/// <summary>A back office form as a browser would submit it: its action, its fields and antiforgery token.</summary>
internal sealed record PageForm(string Action, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    public const string AntiforgeryField = "__RequestVerificationToken";

    /// <summary>The form with some fields set, as the browser posts it, with a pressed button's value.</summary>
    public FormUrlEncodedContent With(params (string Name, string Value)[] entries) =>
        new(
            Fields
                .Where(f => entries.All(e => e.Name != f.Key))
                .Concat(entries.Select(e => new KeyValuePair<string, string>(e.Name, e.Value)))
        );

    public PageForm WithoutAntiforgery() =>
        this with
        {
            Fields = Fields.Where(f => f.Key != AntiforgeryField).ToList(),
        };

    public static PageForm Of(IDocument page, string selector, string path)
    {
        var form = page.QuerySelector<IHtmlFormElement>(selector);
        Assert.NotNull(form);
        var inputs = form
            .Elements.OfType<IHtmlInputElement>()
            .Where(i => !string.IsNullOrEmpty(i.Name))
            .Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        var selects = form
            .Elements.OfType<IHtmlSelectElement>()
            .Where(s => !string.IsNullOrEmpty(s.Name))
            .Select(s => new KeyValuePair<string, string>(s.Name!, s.Value ?? ""));
        var fields = inputs.Concat(selects).ToList();
        Assert.Contains(fields, f => f.Key == AntiforgeryField && f.Value.Length > 0);
        var action = form.GetAttribute("action") is { Length: > 0 } target ? target : path;
        return new PageForm(action, fields);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }

    public static async Task<IDocument> OpenAsync(HttpClient browser, string path)
    {
        var response = await browser.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ParseAsync(response);
    }
}
