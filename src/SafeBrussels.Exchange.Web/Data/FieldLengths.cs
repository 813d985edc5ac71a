namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// The longest value of each kind of field people type, in characters: the database columns (entity configurations),
/// the input checks of the pages, the API and the import, and the editors' counters all take them from here. The
/// exchange format's schema (Features/Exchange/Schema/exchange-v1.schema.json) states the same numbers; a test holds the two
/// together (FieldLengthsTests).
/// </summary>
public static class FieldLengths
{
    /// <summary>An exchange-format identifier ("safe-brussels/practice/…").</summary>
    public const int ExternalId = 100;

    /// <summary>One line: a title, a location, an agenda or action item, a target group, an organization's name.</summary>
    public const int Line = 300;

    /// <summary>A person's name (contact, author, attendee), a city, a theme's label.</summary>
    public const int Name = 200;

    /// <summary>An e-mail address (RFC 5321's 254).</summary>
    public const int Email = 254;

    /// <summary>A practice's summary, in its language or a translation.</summary>
    public const int Summary = 5_000;

    /// <summary>One decision of a meeting.</summary>
    public const int Decision = 2_000;

    /// <summary>A comment or a question.</summary>
    public const int Comment = 20_000;

    /// <summary>A long text: minutes, agenda notes, a practice's problem, approach and results.</summary>
    public const int Text = 200_000;

    /// <summary>A theme's description.</summary>
    public const int ThemeDescription = 1_000;

    /// <summary>An attached file's name.</summary>
    public const int FileName = 255;
}
