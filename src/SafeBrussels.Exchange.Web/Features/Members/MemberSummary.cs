using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Members;

public sealed record MemberSummary(
    Guid Id, string DisplayName, string Email, ExchangeRole Role, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);
