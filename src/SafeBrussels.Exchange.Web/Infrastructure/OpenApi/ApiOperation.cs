namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

/// <summary>
/// What the OpenAPI document says of one operation beyond its route, written beside the endpoint that it describes
/// (<see cref="ApiOperationExtensions.Documented"/>): its name, summary, description, an example answer and the
/// error statuses it may give.
/// </summary>
public sealed record ApiOperation(string Name, string Summary, string Description, string Example, int[] Errors);
