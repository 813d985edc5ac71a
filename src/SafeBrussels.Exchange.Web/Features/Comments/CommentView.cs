namespace SafeBrussels.Exchange.Web.Features.Comments;

public sealed record CommentView(Guid Id, Guid? AuthorId, string AuthorName, string Body, DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, bool IsMine);
