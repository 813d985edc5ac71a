using Microsoft.AspNetCore.Identity;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>Typing the password again before a sensitive change (email, second factor, account deletion).</summary>
public static class Reauthentication
{
    /// <summary>
    /// Whether <paramref name="password"/> is the member's; a wrong one counts towards the lockout like a failed
    /// sign-in, so that a borrowed session cannot guess the password here.
    /// </summary>
    public static async Task<bool> ConfirmPasswordAsync(this SignInManager<ApplicationUser> signIn, ApplicationUser user, string? password) =>
        !string.IsNullOrEmpty(password) && (await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true)).Succeeded;
}
