namespace SafeBrussels.Exchange.Web.Features.Audit;

public sealed record AuditRow(
    long Id,
    DateTimeOffset OccurredAt,
    string? ActorName,
    string? ActorEmail,
    string? ActorOrganization,
    string Action,
    string? TargetType,
    string? TargetId,
    string? TargetOrganization,
    string? Tlp,
    string? Detail,
    string? ClientAddress);
