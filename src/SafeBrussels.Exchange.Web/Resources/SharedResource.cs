namespace SafeBrussels.Exchange.Web.Resources;

/// <summary>Marker for the fr / nl / en strings of the whole user interface (SharedResource.*.resx).</summary>
public sealed class SharedResource;
