using Microsoft.Extensions.Localization;
using MudBlazor;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>
/// MudBlazor's own texts (the pager's and pagination's buttons, the date picker, "Close", "Clear", conversion
/// errors…) in French and Dutch, from the application's resources as <c>Mud.{MudBlazor's key}</c>. MudBlazor asks
/// this localizer for any language but English, and falls back to its built-in English for a key it does not find.
/// </summary>
public sealed class ExchangeMudLocalizer(IStringLocalizer<SharedResource> localizer) : MudLocalizer
{
    /// <summary>The MudBlazor keys the application translates: those of the components it uses.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "Converter_ConversionError", "Converter_ConversionFailed", "Converter_ConversionNotImplemented", "Converter_InvalidBoolean",
        "Converter_InvalidDateTime", "Converter_InvalidGUID", "Converter_InvalidNumber", "Converter_InvalidTimeSpan",
        "Converter_InvalidType", "Converter_NotValueOf", "Converter_UnableToConvert",
        "MudAlert_Close", "MudChip_Close", "MudDialog_Close", "MudSnackbar_Close",
        "MudBaseDatePicker_NextMonth", "MudBaseDatePicker_NextYear", "MudBaseDatePicker_Open", "MudBaseDatePicker_PrevMonth",
        "MudBaseDatePicker_PrevYear", "MudTimePicker_Open",
        "MudFileUpload_Button", "MudFileUpload_DragAndDrop", "MudFileUpload_FileSizeError", "MudFileUpload_MaximumFileCountExceeded",
        "MudFormComponent_Required", "MudInput_Clear", "MudInput_Decrement", "MudInput_Increment", "MudNavGroup_ToggleExpand",
        "MudPagination_CurrentPage", "MudPagination_FirstPage", "MudPagination_LastPage", "MudPagination_NextPage",
        "MudPagination_PageIndex", "MudPagination_PreviousPage",
        "MudSelect_SelectAll", "MudTable_Loading",
        "MudTablePager_FirstPage", "MudTablePager_LastPage", "MudTablePager_NextPage", "MudTablePager_PreviousPage",
    ];

    public override LocalizedString this[string key] => Named(key, localizer[$"Mud.{key}"]);

    public override LocalizedString this[string key, params object[] arguments] => Named(key, localizer[$"Mud.{key}", arguments]);

    // Under MudBlazor's own name, and "not found" when the application has no text for it, so that MudBlazor
    // falls back to its English.
    private static LocalizedString Named(string key, LocalizedString found) => new(key, found.Value, found.ResourceNotFound);
}
