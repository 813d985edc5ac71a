using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>The meeting list's filters in the query string, as the caller wrote them: checked by their attributes (AddValidation: 400 naming each parameter refused), then read.</summary>
public sealed class MeetingListParameters
{
    [FromQuery(Name = "theme"), Description(ApiParameterTexts.Theme)]
    public string? Theme { get; init; }

    [FromQuery(Name = "org"), Description("An organization key (e.g. safe-brussels): meetings it hosted or took part in.")]
    public string? Org { get; init; }

    [FromQuery(Name = "from"), Description("Starting on or after this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601)."), DayOrInstant]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("Starting on or before this day (yyyy-MM-dd, Brussels time) or instant (ISO 8601)."), DayOrInstant]
    public string? To { get; init; }

    [FromQuery(Name = "page"), Description(ApiParameterTexts.Page), WholeNumber(1, ApiParameters.MaxPage)]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Items a page, from 1 to 100; 20 by default."), WholeNumber(1, MeetingQuery.MaxPageSize)]
    public string? PageSize { get; init; }

    public MeetingQuery ToQuery(Dictionary<string, string[]> problems)
    {
        // A day includes the whole day in Brussels time, as for practices (the dashboard's quarters link here).
        var from = ApiParameters.ParseDay(From, "from", endOfDay: false, problems);
        var to = ApiParameters.ParseDay(To, "to", endOfDay: true, problems);
        var page = ApiParameters.ParseInt(Page, "page", 1, 1, ApiParameters.MaxPage, problems);
        var size = ApiParameters.ParseInt(PageSize, "pageSize", 20, 1, MeetingQuery.MaxPageSize, problems);
        return new MeetingQuery(Theme, Org, from, to, page, size);
    }
}
