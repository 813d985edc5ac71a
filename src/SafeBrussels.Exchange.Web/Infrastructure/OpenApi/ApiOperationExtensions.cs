namespace SafeBrussels.Exchange.Web.Infrastructure.OpenApi;

public static class ApiOperationExtensions
{
    /// <summary>Names the endpoint's operation and attaches its description for the OpenAPI document (ApiExamples).</summary>
    public static RouteHandlerBuilder Documented(this RouteHandlerBuilder endpoint, ApiOperation operation) =>
        endpoint.WithName(operation.Name).WithMetadata(operation);
}
