using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>A member's digest settings.</summary>
public sealed record DigestSettings(DigestFrequency Frequency, DayOfWeek Day, int Hour, string? Language);
