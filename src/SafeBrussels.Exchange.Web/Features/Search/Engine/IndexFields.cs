namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>The names of the index's fields other than text (text fields are <c>{part}.{language}</c>).</summary>
public static class IndexFields
{
    public const string Key = "key";
    public const string Type = "type";
    public const string Language = "lang";
    public const string Organization = "org";
    public const string Year = "year";
    public const string Theme = "theme";
    public const string Date = "date";

    /// <summary>The prefix of the fields holding a record's titles, by language (<c>title.fr</c>); all its text is in <c>text.fr</c>.</summary>
    public const string Title = "title";

    /// <summary>The concepts a record is near: all the words of one of their terms somewhere in it (<see cref="Analysis.ConceptDictionary.Near"/>).</summary>
    public const string Near = "near";

    /// <summary>Who may see the record now (<see cref="Sharing.SharingAudience"/>).</summary>
    public const string Audience = "see";

    /// <summary>Who could see a comment under the label and audience it was written under; "all" on practices and meetings.</summary>
    public const string WrittenFor = "written";
}
