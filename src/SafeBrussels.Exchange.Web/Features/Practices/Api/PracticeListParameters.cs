using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>
/// The catalogue's filters in the query string, as the caller wrote them: checked by their attributes (AddValidation:
/// 400 naming each parameter refused, all at once), then read by <see cref="PracticesApi.ParseQuery"/>, which the
/// catalogue page shares.
/// </summary>
public sealed class PracticeListParameters
{
    [FromQuery(Name = "theme"), Description(ApiParameterTexts.Theme)]
    public string? Theme { get; init; }

    [FromQuery(Name = "org"), Description(ApiParameterTexts.Organization)]
    public string? Org { get; init; }

    [FromQuery(Name = "lang"), Description(ApiParameterTexts.Language), OneOf("fr", "nl", "en", ErrorMessage = "must be fr, nl or en.")]
    public string? Lang { get; init; }

    [FromQuery(Name = "evidence"), Description("untested, promising, evaluated or effective."), OneOf("untested", "promising", "evaluated", "effective")]
    public string? Evidence { get; init; }

    [FromQuery(Name = "status"), Description("planned, pilot, running, evaluated or stopped."), OneOf("planned", "pilot", "running", "evaluated", "stopped")]
    public string? Status { get; init; }

    [FromQuery(Name = "sort"), Description("newest (default), updated or title."), OneOf("newest", "updated", "title", ErrorMessage = "must be newest, updated or title.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description(ApiParameterTexts.Page), WholeNumber(1, ApiParameters.MaxPage)]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items a page, from 1 to 100; 20 by default."), WholeNumber(1, PracticeQuery.MaxPageSize)]
    public string? PageSize { get; init; }

    [FromQuery(Name = "from"), Description("Created on or after this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601)."), DayOrInstant]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Created on or before this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601)."), DayOrInstant]
    public string? To { get; init; }

    public PracticeQuery ToQuery(Dictionary<string, string[]> problems) =>
        PracticesApi.ParseQuery(Theme, Org, Lang, Evidence, Status, Sort, Page, PageSize, problems, From, To);
}
