using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Comments;

/// <param name="Told">The members told of the comment by mail at once (its practice's people, those it mentions).</param>
public sealed record CommentOutcome(CommandResult Result, Guid? Id = null, IReadOnlyList<string>? Told = null);
