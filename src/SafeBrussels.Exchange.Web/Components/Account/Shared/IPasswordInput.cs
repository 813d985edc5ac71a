namespace SafeBrussels.Exchange.Web.Components.Account.Shared;

/// <summary>A form that asks for a new password twice.</summary>
public interface IPasswordInput
{
    string Password { get; set; }

    string ConfirmPassword { get; set; }
}
