namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>What an audit entry records. Stable strings: they are stored and filtered on.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLockedOut = "sign-in.locked-out";
    public const string SignInRefused = "sign-in.refused";
    public const string SignOutEverywhere = "sign-out.everywhere";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "account.two-factor-enabled";
    public const string TwoFactorDisabled = "account.two-factor-disabled";
    public const string AccountDeleted = "account.deleted";
    public const string RecoveryCodesRenewed = "account.recovery-codes-renewed";
    public const string PasskeyAdded = "account.passkey-added";
    public const string PasskeyRemoved = "account.passkey-removed";
    public const string EmailChangeRequested = "account.email-change-requested";
    public const string EmailChanged = "account.email-changed";

    public const string InvitationSent = "invitation.sent";
    public const string InvitationRevoked = "invitation.revoked";
    public const string InvitationAccepted = "invitation.accepted";

    public const string MemberRoleChanged = "member.role-changed";
    public const string MemberDeactivated = "member.deactivated";
    public const string MemberReactivated = "member.reactivated";
    public const string MemberAdded = "member.added";

    public const string OrganizationCreated = "organization.created";
    public const string OrganizationUpdated = "organization.updated";

    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";

    public const string ContentCreated = "content.created";
    public const string ContentUpdated = "content.updated";
    public const string ContentDeleted = "content.deleted";
    public const string ContentTlpChanged = "content.tlp-changed";
    public const string ContentRead = "content.read";

    public static IReadOnlyList<string> All { get; } =
    [
        SignInSucceeded, SignInFailed, SignInLockedOut, SignInRefused, SignOutEverywhere, PasswordChanged, PasswordReset,
        TwoFactorEnabled, TwoFactorDisabled, RecoveryCodesRenewed, PasskeyAdded, PasskeyRemoved, EmailChangeRequested, EmailChanged, AccountDeleted, InvitationSent, InvitationRevoked, InvitationAccepted,
        MemberRoleChanged, MemberDeactivated, MemberReactivated, MemberAdded, OrganizationCreated, OrganizationUpdated,
        TokenCreated, TokenRevoked, ContentCreated, ContentUpdated, ContentDeleted, ContentTlpChanged, ContentRead,
    ];
}
