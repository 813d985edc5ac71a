namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>Invitations to join an organization, their mails and their acceptance.</summary>
public static class InvitationsModule
{
    public static IServiceCollection AddInvitations(this IServiceCollection services)
    {
        services.AddScoped<InvitationService>();
        services.AddScoped<InvitationAcceptance>();
        services.AddSingleton<InvitationMailer>();
        return services;
    }
}
