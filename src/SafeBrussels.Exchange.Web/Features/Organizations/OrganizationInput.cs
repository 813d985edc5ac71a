namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>What a platform administrator types to create or edit an organization.</summary>
public sealed class OrganizationInput
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string City { get; set; } = "";

    public string Country { get; set; } = "BE";

    public List<string> WorkingLanguages { get; set; } = [];
}
