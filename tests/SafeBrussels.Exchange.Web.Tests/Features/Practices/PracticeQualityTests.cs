using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.Web.Tests.Features.Practices;

public sealed class PracticeQualityTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(PracticeQuality.ProblemWords - 1, false)]
    [InlineData(PracticeQuality.ProblemWords, true)]
    public void The_problem_is_described_from_25_words(int words, bool met)
    {
        var assessment = PracticeQuality.Assess(new PracticeInput { Problem = Words(words) });
        Assert.Equal(met, assessment.IsMet(QualityCriterion.ProblemDescribed));
    }

    [Theory]
    [InlineData(PracticeQuality.ApproachWords - 1, false)]
    [InlineData(PracticeQuality.ApproachWords, true)]
    public void The_approach_is_explained_from_50_words(int words, bool met)
    {
        var assessment = PracticeQuality.Assess(new PracticeInput { Approach = Words(words) });
        Assert.Equal(met, assessment.IsMet(QualityCriterion.ApproachExplained));
    }

    [Theory]
    [InlineData(PracticeQuality.OutcomeWords - 1, false)]
    [InlineData(PracticeQuality.OutcomeWords, true)]
    public void An_outcome_or_mechanism_is_given_from_25_words(int words, bool met)
    {
        var assessment = PracticeQuality.Assess(new PracticeInput { Results = Words(words) });
        Assert.Equal(met, assessment.IsMet(QualityCriterion.OutcomeOrMechanism));
    }

    [Fact]
    public void Markdown_punctuation_and_line_breaks_are_not_words()
    {
        var problem = Words(PracticeQuality.ProblemWords - 1).Replace(" ", "\n- ", StringComparison.Ordinal) + " **:** — ; -";
        Assert.False(PracticeQuality.Assess(new PracticeInput { Problem = problem }).IsMet(QualityCriterion.ProblemDescribed));

        problem += " **pendelaarsters**";
        Assert.True(PracticeQuality.Assess(new PracticeInput { Problem = problem }).IsMet(QualityCriterion.ProblemDescribed));
    }

    [Theory]
    [InlineData("navetteuses", true, "A. Dupont", "", true)]
    [InlineData("navetteuses", true, "", "a.dupont@city-a.example", true)]
    [InlineData("navetteuses", true, "A. Dupont", "a.dupont@city-a.example", true)]
    [InlineData("", true, "A. Dupont", "", false)]
    [InlineData("   ", true, "A. Dupont", "", false)]
    [InlineData("navetteuses", false, "A. Dupont", "", false)]
    [InlineData("navetteuses", true, "", "", false)]
    [InlineData("navetteuses", true, " ", "  ", false)]
    public void Replicable_needs_a_target_group_a_start_date_and_a_contact_name_or_email(
        string targetGroup, bool started, string contactName, string contactEmail, bool met)
    {
        var input = new PracticeInput
        {
            TargetGroups = [targetGroup],
            StartedOn = started ? new DateOnly(2023, 4, 1) : null,
            ContactName = contactName,
            ContactEmail = contactEmail,
        };

        Assert.Equal(met, PracticeQuality.Assess(input).IsMet(QualityCriterion.Replicable));
    }

    [Fact]
    public void No_target_group_at_all_is_not_replicable()
    {
        var input = new PracticeInput { StartedOn = new DateOnly(2023, 4, 1), ContactName = "A. Dupont" };
        Assert.False(PracticeQuality.Assess(input).IsMet(QualityCriterion.Replicable));
    }

    [Fact]
    public void Met_and_missing_split_the_four_criteria()
    {
        var assessment = PracticeQuality.Assess(new PracticeInput { Problem = Words(30), Results = Words(30) });

        Assert.Equal([QualityCriterion.ProblemDescribed, QualityCriterion.OutcomeOrMechanism], assessment.Met);
        Assert.Equal([QualityCriterion.ApproachExplained, QualityCriterion.Replicable], assessment.Missing);
        Assert.Equal(PracticeQuality.All, assessment.Met.Concat(assessment.Missing).OrderBy(c => c));
        Assert.Equal(4, PracticeQuality.All.Count);
    }

    [Fact]
    public void An_empty_record_meets_nothing_and_is_untested()
    {
        var assessment = PracticeQuality.Assess(new PracticeInput());

        Assert.Empty(assessment.Met);
        Assert.Equal(PracticeQuality.All, assessment.Missing);
        Assert.Equal(EvidenceLevel.Untested, assessment.SuggestedEvidence);
    }

    [Fact]
    public void Without_an_outcome_or_mechanism_the_suggestion_stays_untested()
    {
        var input = Complete(PracticeStatus.Evaluated);
        input.Results = Words(PracticeQuality.OutcomeWords - 1);

        Assert.Equal(EvidenceLevel.Untested, PracticeQuality.Assess(input).SuggestedEvidence);
    }

    [Theory]
    [InlineData("problem")]
    [InlineData("approach")]
    public void Without_the_problem_or_the_approach_the_suggestion_stays_untested(string thin)
    {
        var input = Complete(PracticeStatus.Evaluated);
        if (thin == "problem")
        {
            input.Problem = Words(PracticeQuality.ProblemWords - 1);
        }
        else
        {
            input.Approach = Words(PracticeQuality.ApproachWords - 1);
        }

        Assert.Equal(EvidenceLevel.Untested, PracticeQuality.Assess(input).SuggestedEvidence);
    }

    [Fact]
    public void Problem_approach_and_outcome_suggest_promising()
    {
        var input = Complete(PracticeStatus.Running);
        input.ContactName = "";
        input.ContactEmail = "";

        var assessment = PracticeQuality.Assess(input);

        Assert.False(assessment.IsMet(QualityCriterion.Replicable));
        Assert.Equal(EvidenceLevel.Promising, assessment.SuggestedEvidence);
    }

    [Fact]
    public void An_evaluated_practice_that_is_not_replicable_is_only_promising()
    {
        var input = Complete(PracticeStatus.Evaluated);
        input.StartedOn = null;

        Assert.Equal(EvidenceLevel.Promising, PracticeQuality.Assess(input).SuggestedEvidence);
    }

    [Theory]
    [InlineData(PracticeStatus.Planned)]
    [InlineData(PracticeStatus.Pilot)]
    [InlineData(PracticeStatus.Running)]
    [InlineData(PracticeStatus.Stopped)]
    public void All_four_criteria_without_an_evaluation_suggest_promising(PracticeStatus status)
    {
        var assessment = PracticeQuality.Assess(Complete(status));

        Assert.Equal(PracticeQuality.All, assessment.Met);
        Assert.Equal(EvidenceLevel.Promising, assessment.SuggestedEvidence);
    }

    [Fact]
    public void All_four_criteria_and_the_evaluated_status_suggest_evaluated()
    {
        var assessment = PracticeQuality.Assess(Complete(PracticeStatus.Evaluated));

        Assert.Empty(assessment.Missing);
        Assert.Equal(EvidenceLevel.Evaluated, assessment.SuggestedEvidence);
    }

    [Fact]
    public void Effective_is_never_suggested_whatever_the_record_claims()
    {
        foreach (var status in PracticeCodes.Statuses)
        {
            foreach (var evidence in PracticeCodes.EvidenceLevels)
            {
                var input = Complete(status);
                input.Evidence = evidence;
                input.Problem = Words(5000);
                input.Approach = Words(5000);
                input.Results = Words(5000);

                Assert.NotEqual(EvidenceLevel.Effective, PracticeQuality.Assess(input).SuggestedEvidence);
            }
        }
    }

    [Fact]
    public void A_complete_record_passes_validation()
    {
        Assert.Empty(PracticeInputValidator.ForPractice.Check(Valid()).Errors);
    }

    // Each refusal says what is wrong: a missing title is missing, a long one is too long (never both at once).
    [Theory]
    [InlineData(0, "Validation.Required")]
    [InlineData(1, null)]
    [InlineData(FieldLengths.Line, null)]
    [InlineData(FieldLengths.Line + 1, "Validation.TooLong300")]
    public void The_title_is_required_and_at_most_300_characters(int length, string? expected)
    {
        var input = Valid();
        input.Title = new string('t', length);

        var error = PracticeInputValidator.ForPractice.Check(input).ErrorFor("Title");

        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_blank_title_is_missing()
    {
        var input = Valid();
        input.Title = "   ";
        Assert.Equal("Validation.Required", PracticeInputValidator.ForPractice.Check(input).ErrorFor("Title"));
    }

    [Theory]
    [InlineData(0, "Validation.Required")]
    [InlineData(FieldLengths.Summary, null)]
    [InlineData(FieldLengths.Summary + 1, "Validation.TooLong5000")]
    public void The_summary_is_required_and_at_most_5000_characters(int length, string? expected)
    {
        var input = Valid();
        input.Summary = new string('s', length);

        var error = PracticeInputValidator.ForPractice.Check(input).ErrorFor("Summary");

        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("a.dupont@city-a.example", true)]
    [InlineData("  a.dupont@city-a.example ", true)]
    [InlineData("not an address", false)]
    [InlineData("a.dupont@localhost", false)]
    [InlineData("A. Dupont <a.dupont@city-a.example>", false)]
    [InlineData("a.dupont@", false)]
    public void A_contact_email_when_given_must_be_an_address(string email, bool valid)
    {
        var input = Valid();
        input.ContactEmail = email;

        var error = PracticeInputValidator.ForPractice.Check(input).ErrorFor("ContactEmail");

        Assert.Equal(valid ? null : "Validation.Email", error);
    }

    [Fact]
    public void Themes_and_a_supported_language_are_required()
    {
        var input = Valid();
        input.Themes = [];
        input.Language = "de";

        var result = PracticeInputValidator.ForPractice.Check(input);

        Assert.Equal("Validation.ThemeRequired", result.ErrorFor("Themes"));
        Assert.Equal("Validation.Language", result.ErrorFor("Language"));
    }

    [Fact]
    public void An_adaptation_requires_its_local_context_and_its_changes()
    {
        var input = Valid();

        var result = PracticeInputValidator.ForAdaptation.Check(input);

        Assert.Equal("Validation.Required", result.ErrorFor("AdaptationContext"));
        Assert.Equal("Validation.Required", result.ErrorFor("AdaptationChanges"));

        input.AdaptationContext = "Gent, rond Gent-Sint-Pieters en Dampoort.";
        input.AdaptationChanges = "Met de buurtregie in plaats van de STIB.";
        Assert.Empty(PracticeInputValidator.ForAdaptation.Check(input).Errors);
    }

    [Fact]
    public void An_original_practice_needs_no_adaptation_fields()
    {
        var result = PracticeInputValidator.ForPractice.Check(Valid());

        Assert.Null(result.ErrorFor("AdaptationContext"));
        Assert.Null(result.ErrorFor("AdaptationChanges"));
    }

    [Fact]
    public void A_blank_adaptation_context_is_missing()
    {
        var input = Valid();
        input.AdaptationContext = "  \n ";
        input.AdaptationChanges = "Met de buurtregie.";

        var result = PracticeInputValidator.ForAdaptation.Check(input);

        Assert.Equal("Validation.Required", result.ErrorFor("AdaptationContext"));
        Assert.Null(result.ErrorFor("AdaptationChanges"));
    }

    [Fact]
    public void An_over_long_translation_is_flagged_on_its_language_and_field()
    {
        var input = Valid();
        input.Translations["nl"] = new TranslationInput { Title = new string('t', FieldLengths.Line + 1), Summary = "Kort." };
        input.Translations["en"] = new TranslationInput { Title = "Women's safety audits", Summary = new string('s', FieldLengths.Summary + 1) };

        var result = PracticeInputValidator.ForPractice.Check(input);

        Assert.Equal("Validation.TooLong", result.ErrorFor("Translations.nl.Title"));
        Assert.Null(result.ErrorFor("Translations.nl.Summary"));
        Assert.Equal("Validation.TooLong", result.ErrorFor("Translations.en.Summary"));
        Assert.Null(result.ErrorFor("Translations.en.Title"));
    }

    [Fact]
    public void A_translation_into_the_record_language_is_not_validated()
    {
        var input = Valid();
        input.Translations["fr"] = new TranslationInput { Title = new string('t', FieldLengths.Line + 1) };

        Assert.Empty(PracticeInputValidator.ForPractice.Check(input).Errors);
    }

    [Fact]
    public void Only_translations_with_a_title_into_another_language_are_kept_trimmed_and_in_order()
    {
        var input = Valid();
        input.Translations = new Dictionary<string, TranslationInput>
        {
            ["nl"] = new() { Title = "  Verkenningswandelingen ", Summary = " Bewoonsters lopen door de wijk. " },
            ["en"] = new() { Title = "Women's safety audits", Summary = "" },
            ["fr"] = new() { Title = "Doublon dans la langue de la fiche", Summary = "Ignoré." },
            ["de"] = new() { Title = "Erkundungsspaziergänge", Summary = "Nicht unterstützt." },
        };

        var expected = new[]
        {
            new PracticeTranslation("en", "Women's safety audits", ""),
            new PracticeTranslation("nl", "Verkenningswandelingen", "Bewoonsters lopen door de wijk."),
        };
        Assert.Equal(expected, input.ToTranslations());
    }

    [Fact]
    public void Blank_translations_are_dropped()
    {
        var input = Valid();
        input.Translations["nl"] = new TranslationInput { Title = "   ", Summary = "Een samenvatting zonder titel." };
        input.Translations["en"] = new TranslationInput();

        Assert.Empty(input.ToTranslations());
    }

    private static string Words(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"mot{i}"));

    /// <summary>A record meeting all four criteria, with the given status.</summary>
    private static PracticeInput Complete(PracticeStatus status) => new()
    {
        Language = "fr",
        Title = "Marches exploratoires",
        Summary = "Des habitantes arpentent le quartier.",
        Themes = ["street-harassment"],
        Problem = Words(PracticeQuality.ProblemWords),
        Approach = Words(PracticeQuality.ApproachWords),
        Results = Words(PracticeQuality.OutcomeWords),
        TargetGroups = ["habitantes", "navetteuses"],
        StartedOn = new DateOnly(2021, 3, 8),
        ContactName = "A. Dupont",
        ContactEmail = "a.dupont@city-a.example",
        Status = status,
    };

    private static PracticeInput Valid() => new()
    {
        Language = "fr",
        Title = "Marches exploratoires autour des gares",
        Summary = "Des habitantes arpentent le quartier de jour puis de nuit.",
        Themes = ["street-harassment"],
        TargetGroups = ["habitantes"],
        ContactName = "A. Dupont",
        ContactEmail = "a.dupont@city-a.example",
    };
}
