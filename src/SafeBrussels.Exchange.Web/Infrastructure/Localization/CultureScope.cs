using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>Runs a piece of work (composing a mail, say) in another person's language, then restores the current one.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(string language)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        var target = CultureInfo.GetCultureInfo(SupportedLanguages.Normalize(language));
        CultureInfo.CurrentCulture = target;
        CultureInfo.CurrentUICulture = target;
    }

    public static CultureScope Use(string? language) => new(language ?? SupportedLanguages.Default);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
