namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record ActionItemView(
    Guid Id, string Title, Guid? OwnerOrganizationId, string? OwnerOrganizationKey, string? OwnerOrganizationName,
    Guid? OwnerUserId, string? OwnerUserName, DateOnly? Due, bool IsDone);
