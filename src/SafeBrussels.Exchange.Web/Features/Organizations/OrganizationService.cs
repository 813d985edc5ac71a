using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>The administrations on the platform: listed by everyone, managed by platform administrators.</summary>
public sealed class OrganizationService(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit)
{
    public async Task<IReadOnlyList<OrganizationSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Organizations.OrderBy(o => o.Name)).ToListAsync(cancellationToken);
    }

    public Task<OrganizationSummary?> FindAsync(string key, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.Key == key, cancellationToken);

    public Task<OrganizationSummary?> FindAsync(Guid id, CancellationToken cancellationToken = default) =>
        FindWhereAsync(o => o.Id == id, cancellationToken);

    public async Task<CommandResult> CreateAsync(Viewer? actor, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        if (actor is { IsPlatformAdmin: false })
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        Normalize(input);
        var validation = OrganizationInputValidator.Instance.Check(input);
        if (!validation.Succeeded)
        {
            return validation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Organizations.AnyAsync(o => o.Key == input.Key, cancellationToken))
        {
            return CommandResult.Fail(nameof(OrganizationInput.Key), "Validation.OrganizationKeyTaken");
        }

        var organization = new Organization
        {
            Key = input.Key,
            Name = input.Name,
            City = input.City,
            Country = input.Country,
            WorkingLanguages = input.WorkingLanguages,
        };
        db.Organizations.Add(organization);
        audit.Add(db, AuditEvent.By(actor, AuditActions.OrganizationCreated, AuditTargets.Organization, organization.Id.ToString(), organization.Id,
            detail: organization.Key));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>Changes name, city, country and languages. The key is stable: the exchange format refers to it.</summary>
    public async Task<CommandResult> UpdateAsync(Viewer actor, Guid id, OrganizationInput input, CancellationToken cancellationToken = default)
    {
        if (!actor.IsPlatformAdmin)
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        input.Key = organization.Key;
        Normalize(input);
        var validation = OrganizationInputValidator.Instance.Check(input);
        if (!validation.Succeeded)
        {
            return validation;
        }

        organization.Name = input.Name;
        organization.City = input.City;
        organization.Country = input.Country;
        organization.WorkingLanguages = input.WorkingLanguages;
        audit.Add(db, AuditEvent.By(actor, AuditActions.OrganizationUpdated, AuditTargets.Organization, organization.Id.ToString(), organization.Id,
            detail: organization.Key));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    /// <summary>
    /// Whether the organization's members must use two-factor authentication (enforced at their next sign-in); its own
    /// administrators (organization or platform administrators of it) decide.
    /// </summary>
    public async Task<CommandResult> SetTwoFactorRequiredAsync(Viewer actor, Guid id, bool required, CancellationToken cancellationToken = default)
    {
        if (!actor.CanManageMembersOf(id))
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organization is null)
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        organization.RequireTwoFactor = required;
        audit.Add(db, AuditEvent.By(actor, AuditActions.OrganizationUpdated, AuditTargets.Organization, organization.Id.ToString(), organization.Id,
            detail: $"{organization.Key}: two-factor {(required ? "required" : "optional")}"));
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }

    private async Task<OrganizationSummary?> FindWhereAsync(
        System.Linq.Expressions.Expression<Func<Organization, bool>> predicate, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Summaries(db.Organizations.Where(predicate)).SingleOrDefaultAsync(cancellationToken);
    }

    private static IQueryable<OrganizationSummary> Summaries(IQueryable<Organization> organizations) =>
        organizations.Select(o => new OrganizationSummary(
            o.Id, o.Key, o.Name, o.City, o.Country, o.WorkingLanguages, o.Members.Count(m => m.IsActive), o.RequireTwoFactor));

    private static void Normalize(OrganizationInput input)
    {
        input.Key = (input.Key ?? "").Trim().ToLowerInvariant();
        input.Name = (input.Name ?? "").Trim();
        input.City = (input.City ?? "").Trim();
        input.Country = (input.Country ?? "").Trim().ToUpperInvariant();
        input.WorkingLanguages = input.WorkingLanguages.Select(l => l.Trim().ToLowerInvariant()).Distinct().ToList();
    }
}
