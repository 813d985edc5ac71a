using MudBlazor;

namespace SafeBrussels.Exchange.Web.Components.Layout;

/// <summary>The platform's look: a sober navy of public administration, system fonts (no font is fetched from outside).</summary>
public static class ExchangeTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b3d6b",
            Secondary = "#5b6b7c",
            Tertiary = "#00695c",
            // Darker than MudBlazor's defaults so that text in these colours meets WCAG AA on white.
            Success = "#1e7e34",
            Error = "#c62828",
            Warning = "#8a5a00",
            Info = "#1565c0",
            AppbarBackground = "#0b3d6b",
            AppbarText = "#ffffff",
            Background = "#f5f6f8",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#3e4c59",
            ActionDefault = "#3e4c59",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "250px" },
    };
}
