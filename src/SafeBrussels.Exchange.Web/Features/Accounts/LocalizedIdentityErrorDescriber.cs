using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>Identity's messages (password rules, duplicates, bad tokens) in the person's language.</summary>
internal sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> localizer) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Identity.DefaultError");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Identity.PasswordMismatch");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "Identity.InvalidToken");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Validation.Email");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Validation.EmailAlreadyMember");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Validation.EmailAlreadyMember");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Validation.Email");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Identity.PasswordTooShort", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), "Identity.PasswordRequiresUniqueChars", uniqueChars);

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Identity.PasswordTooWeak");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Identity.PasswordTooWeak");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Identity.PasswordTooWeak");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Identity.PasswordTooWeak");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "Identity.DefaultError");

    private IdentityError Error(string code, string key, params object[] arguments) =>
        new() { Code = code, Description = localizer[key, arguments].Value };
}
