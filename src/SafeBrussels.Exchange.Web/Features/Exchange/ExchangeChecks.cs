using System.Globalization;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// The rules of the format that a JSON Schema cannot say: references between records and to what the platform
/// already holds, uniqueness of identifiers, adaptation cycles, translations into another language, time order.
/// </summary>
internal static class ExchangeChecks
{
    public sealed record Known(IReadOnlySet<string> OrganizationKeys, IReadOnlySet<string> ThemeKeys, IReadOnlySet<string> PracticeExternalIds);

    public static List<ExchangeProblem> Check(ExchangeDocument document, Known known)
    {
        var problems = new List<ExchangeProblem>();
        var organizations = document.Organizations ?? [];
        var practices = document.Practices ?? [];
        var meetings = document.Meetings ?? [];

        var organizationKeys = new HashSet<string>(known.OrganizationKeys, StringComparer.Ordinal);
        var seenOrganizations = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < organizations.Count; i++)
        {
            Unique(problems, seenOrganizations, organizations[i].Key, $"$.organizations[{i}].key", "$.organizations", "duplicateKey");
            organizationKeys.Add(organizations[i].Key);
        }

        var seenPractices = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < practices.Count; i++)
        {
            var path = $"$.practices[{i}]";
            var practice = practices[i];
            Unique(problems, seenPractices, practice.ExternalId, $"{path}.externalId", "$.practices", "duplicateExternalId");
            Organization(problems, organizationKeys, practice.Organization, $"{path}.organization");
            Themes(problems, known.ThemeKeys, practice.Themes, path);
            foreach (var language in (practice.Translations ?? []).Keys.Where(l => l == practice.Language))
            {
                problems.Add(new ExchangeProblem($"{path}.translations.{language}", "translationLanguage", [language]));
            }
        }

        var practiceIds = new HashSet<string>(known.PracticeExternalIds, StringComparer.Ordinal);
        practiceIds.UnionWith(practices.Select(p => p.ExternalId));
        for (var i = 0; i < practices.Count; i++)
        {
            if (practices[i].AdaptedFrom is not { } original)
            {
                continue;
            }

            var path = $"$.practices[{i}].adaptedFrom";
            if (original == practices[i].ExternalId)
            {
                problems.Add(new ExchangeProblem(path, "adaptsItself", [original]));
            }
            else if (!practiceIds.Contains(original))
            {
                problems.Add(new ExchangeProblem(path, "unknownPractice", [original]));
            }
        }

        Cycles(problems, practices);

        var seenMeetings = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < meetings.Count; i++)
        {
            var path = $"$.meetings[{i}]";
            var meeting = meetings[i];
            Unique(problems, seenMeetings, meeting.ExternalId, $"{path}.externalId", "$.meetings", "duplicateExternalId");
            Organization(problems, organizationKeys, meeting.Organization, $"{path}.organization");
            var participants = meeting.Participants ?? [];
            for (var j = 0; j < participants.Count; j++)
            {
                Organization(problems, organizationKeys, participants[j], $"{path}.participants[{j}]");
            }

            Themes(problems, known.ThemeKeys, meeting.Themes, path);
            var actions = meeting.ActionItems ?? [];
            for (var j = 0; j < actions.Count; j++)
            {
                if (actions[j].Owner is { } owner)
                {
                    Organization(problems, organizationKeys, owner, $"{path}.actionItems[{j}].owner");
                }
            }

            if (meeting.EndsAt is { } end && Instant(end) < Instant(meeting.StartsAt))
            {
                problems.Add(new ExchangeProblem($"{path}.endsAt", "endsBeforeStart", [end, meeting.StartsAt]));
            }
        }

        return problems;
    }

    public static DateTimeOffset Instant(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    private static void Unique(List<ExchangeProblem> problems, Dictionary<string, int> seen, string value, string path, string listPath, string code)
    {
        var index = int.Parse(path[(listPath.Length + 1)..path.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        if (!seen.TryAdd(value, index))
        {
            problems.Add(new ExchangeProblem(path, code, [value, $"{listPath}[{seen[value]}]"]));
        }
    }

    private static void Organization(List<ExchangeProblem> problems, HashSet<string> keys, string key, string path)
    {
        if (!keys.Contains(key))
        {
            problems.Add(new ExchangeProblem(path, "unknownOrganization", [key]));
        }
    }

    private static void Themes(List<ExchangeProblem> problems, IReadOnlySet<string> known, List<string> themes, string path)
    {
        for (var j = 0; j < themes.Count; j++)
        {
            if (!known.Contains(themes[j]))
            {
                problems.Add(new ExchangeProblem($"{path}.themes[{j}]", "unknownTheme", [themes[j]]));
            }
        }
    }

    /// <summary>An adaptation chain inside the file that comes back to where it started.</summary>
    private static void Cycles(List<ExchangeProblem> problems, List<ExchangePractice> practices)
    {
        var parentOf = new Dictionary<string, string>(StringComparer.Ordinal);
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < practices.Count; i++)
        {
            indexOf.TryAdd(practices[i].ExternalId, i);
            if (practices[i].AdaptedFrom is { } original && original != practices[i].ExternalId)
            {
                parentOf.TryAdd(practices[i].ExternalId, original);
            }
        }

        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in parentOf.Keys)
        {
            var path = new List<string> { start };
            var current = start;
            while (parentOf.TryGetValue(current, out var next) && path.Count <= parentOf.Count)
            {
                if (next == start)
                {
                    if (path.All(reported.Add))
                    {
                        problems.Add(new ExchangeProblem($"$.practices[{indexOf[start]}].adaptedFrom", "adaptationCycle", [string.Join(" → ", path.Append(start))]));
                    }

                    break;
                }

                if (path.Contains(next))
                {
                    break;
                }

                path.Add(next);
                current = next;
            }
        }
    }
}
