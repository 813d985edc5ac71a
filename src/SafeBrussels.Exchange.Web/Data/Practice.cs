namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A field practice an administration shares: the problem, the approach, what came of it.</summary>
public sealed class Practice
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable identifier in the exchange format; records created here get their id.</summary>
    public required string ExternalId { get; set; }

    public Guid OrganizationId { get; set; }

    public Organization? Organization { get; set; }

    public Guid? AuthorId { get; set; }

    public ApplicationUser? Author { get; set; }

    /// <summary>fr, nl or en: the language the text is written in.</summary>
    public required string Language { get; set; }

    public required string Title { get; set; }

    public required string Summary { get; set; }

    /// <summary>Markdown.</summary>
    public string Problem { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Approach { get; set; } = "";

    /// <summary>Markdown.</summary>
    public string Results { get; set; } = "";

    public List<string> TargetGroups { get; set; } = [];

    public Tlp Tlp { get; set; } = Tlp.Green;

    public PracticeStatus Status { get; set; } = PracticeStatus.Running;

    public EvidenceLevel Evidence { get; set; } = EvidenceLevel.Untested;

    public DateOnly? StartedOn { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    /// <summary>The practice this one adapts to a new local context.</summary>
    public Guid? AdaptedFromId { get; set; }

    public Practice? AdaptedFrom { get; set; }

    public string AdaptationContext { get; set; } = "";

    public string AdaptationChanges { get; set; } = "";

    /// <summary>Title and summary in the other languages.</summary>
    public List<PracticeTranslation> Translations { get; set; } = [];

    /// <summary>SHA-256 of the exchange-format record last imported; a re-import of the same record changes nothing.</summary>
    public string? ImportHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The optimistic concurrency token: one more at every save.</summary>
    public uint Version { get; set; }

    public List<PracticeTheme> Themes { get; set; } = [];
}
