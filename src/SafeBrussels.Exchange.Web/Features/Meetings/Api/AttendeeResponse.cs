namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>Someone who attended; <c>member</c> when they are a member of the platform.</summary>
public sealed record AttendeeResponse(string Name, bool Member);
