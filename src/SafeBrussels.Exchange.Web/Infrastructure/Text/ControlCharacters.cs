using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SafeBrussels.Exchange.Web.Infrastructure.Text;

/// <summary>
/// Text is normalized on the way in, here and nowhere else: control characters other than tab, line feed and carriage
/// return (C0, DEL, C1), the noncharacters U+FFFE and U+FFFF and unpaired surrogates are removed. They have no meaning in
/// the platform's texts, PostgreSQL refuses NUL, and XML (Atom, DOCX) cannot hold them. Applied to every string the
/// application saves through EF Core (<see cref="Interceptor"/>: the pages and the API), to the versions it keeps
/// (<see cref="JsonConverter"/> in the snapshots) and to every string an exchange file is read into (the import, dry run
/// and real alike). Outputs drop them too (<see cref="Clean"/>), for text stored before this rule.
/// </summary>
public static class ControlCharacters
{
    /// <summary><paramref name="text"/> without the characters no text of the platform may hold; the same instance when it has none.</summary>
    public static string Clean(string text)
    {
        var first = IndexOfUnwanted(text, 0);
        if (first < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        builder.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsUnwanted(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="text"/> holds a character that <see cref="Clean"/> removes.</summary>
    public static bool Contains(string text) => IndexOfUnwanted(text, 0) >= 0;

    private static int IndexOfUnwanted(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (IsUnwanted(c))
            {
                return i;
            }
        }

        return -1;
    }

    // A lone surrogate reaches here only unpaired (pairs are skipped by the callers).
    private static bool IsUnwanted(char c) =>
        (c < ' ' && c is not ('\t' or '\n' or '\r'))
        || (c >= '\u007F' && c <= '\u009F')
        || c is '\uFFFE' or '\uFFFF'
        || char.IsSurrogate(c);

    /// <summary>Reads every JSON string cleaned; writes strings as they are (they were cleaned on the way in).</summary>
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } text ? Clean(text) : null;

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(Clean(value));
    }

    /// <summary>Cleans every string property of what is about to be inserted or updated.</summary>
    public sealed class Interceptor : SaveChangesInterceptor
    {
        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            CleanEntries(eventData.Context);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            CleanEntries(eventData.Context);
            return ValueTask.FromResult(result);
        }

        private static void CleanEntries(DbContext? context)
        {
            if (context is null)
            {
                return;
            }

            foreach (var entry in context.ChangeTracker.Entries())
            {
                if (entry.State is not (EntityState.Added or EntityState.Modified))
                {
                    continue;
                }

                foreach (var property in entry.Properties)
                {
                    switch (property.CurrentValue)
                    {
                        case string text when Contains(text):
                            property.CurrentValue = Clean(text);
                            break;
                        case List<string> texts when texts.Any(Contains):
                            property.CurrentValue = texts.Select(Clean).ToList();
                            break;
                        case string[] texts when texts.Any(Contains):
                            property.CurrentValue = texts.Select(Clean).ToArray();
                            break;
                    }
                }
            }
        }
    }
}
