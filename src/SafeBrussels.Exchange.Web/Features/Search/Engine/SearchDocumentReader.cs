using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// Reads records from PostgreSQL, the system of record, as the index holds them (<see cref="SearchDocument"/>): the
/// records a change names, or all of them, in batches, for a rebuild.
/// </summary>
public sealed class SearchDocumentReader
{
    /// <summary>Records read per statement when the whole index is rebuilt.</summary>
    public const int BatchSize = 2000;

    private sealed record ThemeInfo(string Key, IReadOnlyList<string> WithAncestors, string LabelFr, string LabelNl, string LabelEn);

    private readonly Dictionary<Guid, ThemeInfo> _themes;

    private SearchDocumentReader(Dictionary<Guid, ThemeInfo> themes) => _themes = themes;

    /// <summary>
    /// The id of the last row the latest call read, in PostgreSQL's order of ids (which is not .NET's order of Guids):
    /// where the next batch of a rebuild starts. Null when it read none.
    /// </summary>
    public Guid? LastRead { get; private set; }

    /// <summary>A reader for the themes as they are now (labels and lineage are read once, for a batch of changes or a rebuild).</summary>
    public static async Task<SearchDocumentReader> CreateAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().Select(t => new { t.Id, t.Key, t.LabelFr, t.LabelNl, t.LabelEn }).ToListAsync(cancellationToken);
        var lineage = await db.Set<ThemeLineage>().AsNoTracking().ToListAsync(cancellationToken);
        var keys = themes.ToDictionary(t => t.Id, t => t.Key);
        var ancestors = lineage.GroupBy(l => l.ThemeId).ToDictionary(g => g.Key, g => g.Select(l => keys.GetValueOrDefault(l.AncestorId)).OfType<string>().ToList());
        return new SearchDocumentReader(themes.ToDictionary(
            t => t.Id,
            t => new ThemeInfo(t.Key, ancestors.GetValueOrDefault(t.Id) is { Count: > 0 } a ? [.. a.Append(t.Key).Distinct()] : [t.Key], t.LabelFr, t.LabelNl, t.LabelEn)));
    }

    public async Task<List<SearchDocument>> PracticesAsync(ExchangeDbContext db, IReadOnlyCollection<Guid>? ids, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Practices.AsNoTracking();
        query = ids is not null ? query.Where(p => ids.Contains(p.Id)) : query.Where(p => after == null || p.Id.CompareTo(after.Value) > 0).OrderBy(p => p.Id).Take(BatchSize);
        var rows = await query.Select(p => new
        {
            p.Id, p.Language, p.OrganizationId, p.AuthorId, p.Tlp, p.CreatedAt, p.Title, p.Summary, p.Problem, p.Approach, p.Results,
            p.AdaptationContext, p.AdaptationChanges, p.TargetGroups, p.Translations,
            Themes = p.Themes.Select(t => t.ThemeId).ToList(),
        }).AsSplitQuery().ToListAsync(cancellationToken);
        LastRead = rows.Count > 0 ? rows[^1].Id : null;
        return rows.Select(p =>
        {
            var texts = new List<SearchText>
            {
                new(SearchParts.Title, p.Language, p.Title),
                new(SearchParts.Summary, p.Language, p.Summary),
                new(SearchParts.Body, p.Language, string.Join('\n', [p.Problem, p.Approach, p.Results, p.AdaptationContext, p.AdaptationChanges, .. p.TargetGroups])),
            };
            foreach (var translation in p.Translations.Where(t => SupportedLanguages.IsSupported(t.Language) && t.Language != p.Language))
            {
                texts.Add(new SearchText(SearchParts.Title, translation.Language, translation.Title));
                texts.Add(new SearchText(SearchParts.Summary, translation.Language, translation.Summary));
            }

            return Document(SearchTypes.Practice, p.Id, p.Language, p.OrganizationId, p.CreatedAt, texts, p.Themes,
                SharingAudience.OfPractice(p.Tlp, p.OrganizationId, p.AuthorId), [SharingAudience.Everyone]);
        }).ToList();
    }

    public async Task<List<SearchDocument>> MeetingsAsync(ExchangeDbContext db, IReadOnlyCollection<Guid>? ids, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking();
        query = ids is not null ? query.Where(m => ids.Contains(m.Id)) : query.Where(m => after == null || m.Id.CompareTo(after.Value) > 0).OrderBy(m => m.Id).Take(BatchSize);
        var rows = await query.Select(m => new
        {
            m.Id, m.Language, m.HostOrganizationId, m.AuthorId, m.Tlp, m.StartsAt, m.Title, m.Location, m.Minutes,
            Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => new { a.Title, a.Notes }).ToList(),
            Decisions = m.Decisions.OrderBy(d => d.Position).Select(d => d.Text).ToList(),
            Partners = m.Participants.Select(p => p.OrganizationId).ToList(),
            Named = m.Attendees.Where(a => a.UserId != null).Select(a => a.UserId!.Value).ToList(),
            Themes = m.Themes.Select(t => t.ThemeId).ToList(),
        }).AsSplitQuery().ToListAsync(cancellationToken);
        LastRead = rows.Count > 0 ? rows[^1].Id : null;
        return rows.Select(m =>
        {
            var texts = new List<SearchText>
            {
                new(SearchParts.Title, m.Language, m.Title),
                new(SearchParts.Summary, m.Language, string.Join('\n', m.Agenda.Select(a => a.Title).Concat(m.Decisions))),
                new(SearchParts.Body, m.Language, string.Join('\n', m.Agenda.Select(a => a.Notes).Append(m.Minutes).Append(m.Location))),
            };
            var named = m.AuthorId is { } author ? m.Named.Append(author) : m.Named;
            return Document(SearchTypes.Meeting, m.Id, m.Language, m.HostOrganizationId, m.StartsAt, texts, m.Themes,
                SharingAudience.OfMeeting(m.Tlp, m.HostOrganizationId, m.Partners, named), [SharingAudience.Everyone]);
        }).ToList();
    }

    public async Task<List<SearchDocument>> CommentsAsync(ExchangeDbContext db, IReadOnlyCollection<Guid>? ids, Guid? after, CancellationToken cancellationToken)
    {
        var query = db.Comments.AsNoTracking();
        query = ids is not null ? query.Where(c => ids.Contains(c.Id)) : query.Where(c => after == null || c.Id.CompareTo(after.Value) > 0).OrderBy(c => c.Id).Take(BatchSize);
        var rows = await query.Select(c => new
        {
            c.Id, c.Body, c.CreatedAt, c.Tlp, c.HostOrganizationId, c.PartnerOrganizationIds, c.NamedUserIds,
            Practice = c.Practice == null ? null : new { c.Practice.Language, c.Practice.OrganizationId, c.Practice.AuthorId, c.Practice.Tlp, Themes = c.Practice.Themes.Select(t => t.ThemeId).ToList() },
            Meeting = c.Meeting == null ? null : new
            {
                c.Meeting.Language, c.Meeting.HostOrganizationId, c.Meeting.AuthorId, c.Meeting.Tlp,
                Partners = c.Meeting.Participants.Select(p => p.OrganizationId).ToList(),
                Named = c.Meeting.Attendees.Where(a => a.UserId != null).Select(a => a.UserId!.Value).ToList(),
                Themes = c.Meeting.Themes.Select(t => t.ThemeId).ToList(),
            },
        }).AsSplitQuery().ToListAsync(cancellationToken);
        LastRead = rows.Count > 0 ? rows[^1].Id : null;
        var documents = new List<SearchDocument>(rows.Count);
        foreach (var c in rows)
        {
            // A comment's language is not recorded: its body is read in the three languages.
            var texts = SupportedLanguages.All.Select(l => new SearchText(SearchParts.Body, l, c.Body)).ToList();
            var writtenFor = SharingAudience.OfMeeting(c.Tlp, c.HostOrganizationId, c.PartnerOrganizationIds, c.NamedUserIds);
            if (c.Practice is { } p)
            {
                documents.Add(Document(SearchTypes.Comment, c.Id, p.Language, p.OrganizationId, c.CreatedAt, texts, p.Themes,
                    SharingAudience.OfPractice(p.Tlp, p.OrganizationId, p.AuthorId), writtenFor, withThemeNames: false));
            }
            else if (c.Meeting is { } m)
            {
                var named = m.AuthorId is { } author ? m.Named.Append(author) : m.Named;
                documents.Add(Document(SearchTypes.Comment, c.Id, m.Language, m.HostOrganizationId, c.CreatedAt, texts, m.Themes,
                    SharingAudience.OfMeeting(m.Tlp, m.HostOrganizationId, m.Partners, named), writtenFor, withThemeNames: false));
            }
        }

        return documents;
    }

    private SearchDocument Document(
        string type, Guid id, string language, Guid organizationId, DateTimeOffset date, List<SearchText> texts, IEnumerable<Guid> themeIds,
        IReadOnlyList<string> audience, IReadOnlyList<string> writtenFor, bool withThemeNames = true)
    {
        var themes = themeIds.Select(t => _themes.GetValueOrDefault(t)).OfType<ThemeInfo>().ToList();
        if (withThemeNames)
        {
            // The record's theme names in the three languages: a theme's name in any language finds its records.
            texts.AddRange(themes.SelectMany(t => new[]
            {
                new SearchText(SearchParts.Themes, SupportedLanguages.French, t.LabelFr),
                new SearchText(SearchParts.Themes, SupportedLanguages.Dutch, t.LabelNl),
                new SearchText(SearchParts.Themes, SupportedLanguages.English, t.LabelEn),
            }));
        }

        return new SearchDocument(type, id, language, organizationId, date, texts,
            [.. themes.SelectMany(t => t.WithAncestors).Distinct(StringComparer.Ordinal)], audience, writtenFor);
    }
}
