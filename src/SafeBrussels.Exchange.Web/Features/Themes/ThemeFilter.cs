using System.Linq.Expressions;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Themes;

/// <summary>
/// The one statement of "a theme includes its sub-themes", as expressions composed into the queries of the meeting
/// list, the catalogue, search, the feeds and the API (translated to SQL: the record's themes joined with their parent).
/// </summary>
public static class ThemeFilter
{
    /// <summary>A record's theme counts for <paramref name="key"/> when it is that theme or one of its sub-themes.</summary>
    public static Expression<Func<Theme, bool>> Includes(string key) => t => t.Key == key || t.Parent!.Key == key;

    public static Expression<Func<Practice, bool>> Practices(string key)
    {
        var includes = Includes(key);
        return p => p.Themes.Select(t => t.Theme!).AsQueryable().Any(includes);
    }

    public static Expression<Func<Meeting, bool>> Meetings(string key)
    {
        var includes = Includes(key);
        return m => m.Themes.Select(t => t.Theme!).AsQueryable().Any(includes);
    }

    public static IQueryable<Practice> OnTheme(this IQueryable<Practice> practices, string key) => practices.Where(Practices(key));

    public static IQueryable<Meeting> OnTheme(this IQueryable<Meeting> meetings, string key) => meetings.Where(Meetings(key));
}
