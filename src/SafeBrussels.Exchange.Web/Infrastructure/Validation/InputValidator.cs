using FluentValidation;

namespace SafeBrussels.Exchange.Web.Infrastructure.Validation;

/// <summary>
/// The rules of one input, checked the same way by its page (as the person types and on save), its service (before
/// anything is written) and the command line. Each message is a resource key, said in the reader's language where it
/// is shown; each problem is keyed by the path of its field (<c>Title</c>, <c>Agenda[0].Title</c>, <c>Decisions[1]</c>).
/// </summary>
public abstract class InputValidator<T> : AbstractValidator<T>
{
    /// <summary>What is wrong with the input, one problem per field (the first rule that fails), or <see cref="CommandResult.Ok"/>.</summary>
    public CommandResult Check(T input)
    {
        var errors = new Dictionary<string, string>();
        foreach (var failure in Validate(input).Errors)
        {
            errors.TryAdd(failure.PropertyName, failure.ErrorMessage);
        }

        return new CommandResult(errors);
    }
}
