using Hangfire;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>A recurring job a feature declares in its module; the job server's instances declare it at start.</summary>
public sealed class RecurringJobDeclaration(string id, Action<IRecurringJobManager, IServiceProvider> declare)
{
    public string Id { get; } = id;

    internal void Declare(IRecurringJobManager manager, IServiceProvider services) => declare(manager, services);
}
