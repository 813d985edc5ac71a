using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>
/// <see cref="SharingPolicy"/>'s rules as tokens, for the search index: a record carries the tokens of who may see it
/// (everyone, an organization, a named person), a reader the tokens of who they are, and a reader may see a record when
/// they share one. The index uses them to count and rank only what a reader may see; the page's records are still
/// read from PostgreSQL through <see cref="SharingPolicy"/>, so a token that lags a change can never show a record.
/// </summary>
public static class SharingAudience
{
    public const string Everyone = "all";

    public static string Organization(Guid id) => $"org:{id:N}";

    public static string Person(Guid id) => $"user:{id:N}";

    /// <summary>Who <paramref name="viewer"/> is, as tokens: anyone signed in, their organization, themselves.</summary>
    public static IReadOnlyList<string> Of(Viewer viewer) => [Everyone, Organization(viewer.OrganizationId), Person(viewer.UserId)];

    /// <summary>Who may see a practice: AMBER and AMBER+STRICT its organization, RED its author.</summary>
    public static IReadOnlyList<string> OfPractice(Tlp tlp, Guid organizationId, Guid? authorId) => tlp switch
    {
        Tlp.Clear or Tlp.Green => [Everyone],
        Tlp.Amber or Tlp.AmberStrict => [Organization(organizationId)],
        _ => authorId is { } author ? [Person(author)] : [],
    };

    /// <summary>Who may see a meeting: AMBER its host and partners, AMBER+STRICT its host, RED its author and attendees.</summary>
    public static IReadOnlyList<string> OfMeeting(Tlp tlp, Guid hostId, IEnumerable<Guid> partnerIds, IEnumerable<Guid> namedUserIds) => tlp switch
    {
        Tlp.Clear or Tlp.Green => [Everyone],
        Tlp.Amber => [.. partnerIds.Prepend(hostId).Distinct().Select(Organization)],
        Tlp.AmberStrict => [Organization(hostId)],
        _ => [.. namedUserIds.Distinct().Select(Person)],
    };

    /// <summary>Who may read a text under the label and audience it was written under (a comment): the meeting rule on those.</summary>
    public static IReadOnlyList<string> OfWrittenUnder(IWrittenUnder text) =>
        OfMeeting(text.Tlp, text.HostOrganizationId, text.PartnerOrganizationIds, text.NamedUserIds);
}
