using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Attachments;

/// <summary>Files on practices and meetings: their checks, their storage and their download.</summary>
public static class AttachmentsModule
{
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddOptions<AttachmentOptions>().BindConfiguration(AttachmentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<AttachmentService>();
        return services;
    }

    /// <summary><c>GET /attachments/{id}</c>: the file, for whoever may see its record (404 otherwise).</summary>
    public static IEndpointRouteBuilder MapAttachments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:guid}", async (Guid id, HttpContext context, AttachmentService attachments) =>
        {
            var file = await attachments.OpenAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            if (file is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return endpoints;
    }
}
