namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record PracticeSaveOutcome(Infrastructure.CommandResult Result, Guid? Id = null, uint? Version = null, PracticeDetail? Current = null)
{
    public const string ConflictKey = "Practices.Conflict";

    public bool IsConflict => Result.ErrorFor("") == ConflictKey;
}
