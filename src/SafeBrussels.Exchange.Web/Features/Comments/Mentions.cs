namespace SafeBrussels.Exchange.Web.Features.Comments;

/// <summary>
/// Mentions in a comment: "@" followed by a member's display name as it is written on the platform ("@Bram Claes"),
/// in any case, and ended by the end of the text, a space or punctuation ("@Bram Claes, can you…" names Bram Claes;
/// "@Bram Claessens" does not).
/// </summary>
public static class Mentions
{
    /// <summary>The members of <paramref name="candidates"/> that <paramref name="body"/> mentions.</summary>
    public static IReadOnlyList<Guid> Find(string body, IEnumerable<(Guid Id, string DisplayName)> candidates) =>
        candidates.Where(c => Mentioned(body, c.DisplayName)).Select(c => c.Id).Distinct().ToList();

    public static bool Mentioned(string body, string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return false;
        }

        var mention = "@" + displayName.Trim();
        for (var at = body.IndexOf(mention, StringComparison.OrdinalIgnoreCase); at >= 0;
             at = body.IndexOf(mention, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 ? ' ' : body[at - 1];
            var after = at + mention.Length < body.Length ? body[at + mention.Length] : ' ';
            // Not inside an address (jan@bram claes…) and not the start of a longer name.
            if (!char.IsLetterOrDigit(before) && !char.IsLetterOrDigit(after) && after is not ('-' or '_' or '\''))
            {
                return true;
            }
        }

        return false;
    }
}
