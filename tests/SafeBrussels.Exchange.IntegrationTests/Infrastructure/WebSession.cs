using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SafeBrussels.Exchange.IntegrationTests.Infrastructure;

/// <summary>A browser without a browser: one cookie jar, HTML parsed with AngleSharp, forms posted as a person would.</summary>
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    public async Task<(HttpResponseMessage Response, IHtmlDocument Document)> GetAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        return (response, await Parser.ParseDocumentAsync(html));
    }

    /// <summary>Loads <paramref name="url"/>, fills the form named <paramref name="formName"/> and submits it.</summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var (response, document) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (action, values) = Fill(document, url, formName, fields);
        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The form named <paramref name="formName"/> filled as a person would: its action and every field to post.</summary>
    public static (string Action, Dictionary<string, string> Values) Fill(
        IHtmlDocument document, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var form = document.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => f.QuerySelector($"input[name='_handler'][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {url}.");

        var values = form.QuerySelectorAll<IHtmlInputElement>("input[name]")
            .Where(i => i.Type is not ("checkbox" or "submit") || i.IsChecked)
            .GroupBy(i => i.Name!)
            .ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var action = string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!;
        return (action, values);
    }

    public Task<HttpResponseMessage> SignInAsync(string email, string password) =>
        SubmitFormAsync("/Account/Login", "login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    public void Dispose() => Client.Dispose();
}
