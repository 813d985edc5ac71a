using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>
/// The catalogue's filters in the query string, as the caller wrote them: read strictly by
/// <see cref="PracticesApi.ParseQuery"/>, which names each parameter it refuses (400).
/// </summary>
public sealed class PracticeListParameters
{
    [FromQuery(Name = "theme"), Description(ApiParameterTexts.Theme)]
    public string? Theme { get; init; }

    [FromQuery(Name = "org"), Description(ApiParameterTexts.Organization)]
    public string? Org { get; init; }

    [FromQuery(Name = "lang"), Description(ApiParameterTexts.Language)]
    public string? Lang { get; init; }

    [FromQuery(Name = "evidence"), Description("untested, promising, evaluated or effective.")]
    public string? Evidence { get; init; }

    [FromQuery(Name = "status"), Description("planned, pilot, running, evaluated or stopped.")]
    public string? Status { get; init; }

    [FromQuery(Name = "sort"), Description("newest (default), updated or title.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page"), Description(ApiParameterTexts.Page)]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items a page, from 1 to 100; 20 by default.")]
    public string? PageSize { get; init; }

    [FromQuery(Name = "from"), Description("Created on or after this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601).")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Created on or before this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601).")]
    public string? To { get; init; }

    public PracticeQuery ToQuery(Dictionary<string, string[]> problems) =>
        PracticesApi.ParseQuery(Theme, Org, Lang, Evidence, Status, Sort, Page, PageSize, problems, From, To);
}
