using System.Globalization;

namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>An action item: who owns it (an organization's key, a person), when it is due, whether it is done.</summary>
public sealed record ActionItemResponse(string Title, string? Owner, string? OwnerPerson, string? Due, bool Done)
{
    public static ActionItemResponse From(ActionItemView a) =>
        new(a.Title, a.OwnerOrganizationKey, a.OwnerUserName, a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), a.IsDone);
}
