namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>Filters of the audit page: who (name or email, also what an unknown sign-in typed), what, when, organization.</summary>
public sealed record AuditQuery(
    string? Who = null,
    string? Action = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null,
    Guid? OrganizationId = null,
    int Page = 1,
    int PageSize = 50);
