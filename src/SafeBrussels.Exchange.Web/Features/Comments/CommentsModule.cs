namespace SafeBrussels.Exchange.Web.Features.Comments;

/// <summary>Comments on practices and meetings, and the mails to the members they mention.</summary>
public static class CommentsModule
{
    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddScoped<CommentService>();
        services.AddScoped<CommentNotifier>();
        return services;
    }
}
