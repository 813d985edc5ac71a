using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>Records practices through the service, as a contributor would in the editor.</summary>
internal static class PracticeBuilder
{
    public static PracticeInput Input(string title, Tlp tlp = Tlp.Green, string language = "fr", params string[] themes) => new()
    {
        Title = title,
        Summary = "Résumé de " + title,
        Problem = "Le problème décrit en quelques mots.",
        Approach = "L’approche suivie.",
        Language = language,
        Tlp = tlp,
        Themes = themes.Length > 0 ? [.. themes] : ["street-harassment"],
    };

    public static async Task<Guid> CreateAsync(this AppFixture app, Viewer author, PracticeInput input, Guid? adaptedFrom = null)
    {
        if (adaptedFrom is not null)
        {
            input.AdaptationContext = "Notre ville, nos partenaires.";
            input.AdaptationChanges = "Adapté pour " + input.Title;
        }

        var outcome = await app.WithServiceAsync(s => s.GetRequiredService<PracticeSaver>().CreateAsync(author, input, adaptedFrom));
        Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
        return outcome.Id!.Value;
    }

    public static Task<PracticeDetail?> GetAsync(this AppFixture app, Viewer viewer, Guid id) =>
        app.WithServiceAsync(s => s.GetRequiredService<PracticeReader>().GetAsync(viewer, id));

    public static async Task SetTlpAsync(this AppFixture app, Viewer editor, Guid id, Tlp tlp)
    {
        var current = (await app.GetAsync(editor, id))!;
        var input = PracticeSaver.ToInput(current);
        input.Tlp = tlp;
        var outcome = await app.WithServiceAsync(s => s.GetRequiredService<PracticeSaver>().UpdateAsync(editor, id, input, current.Version));
        Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
    }
}
