namespace SafeBrussels.Exchange.Web.Features.Members;

/// <summary>An organization's members: roles, deactivation, and the mails that tell them.</summary>
public static class MembersModule
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddScoped<MemberService>();
        services.AddScoped<MembershipNotifier>();
        return services;
    }
}
