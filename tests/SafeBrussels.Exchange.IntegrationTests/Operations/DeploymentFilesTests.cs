using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using SafeBrussels.Exchange.TestSupport;
using YamlDotNet.RepresentationModel;

namespace SafeBrussels.Exchange.IntegrationTests.Operations;

/// <summary>
/// deploy/docker and deploy/kubernetes: the compose file resolves, and the image and the manifests do what
/// docs/operations.md asks of a scaled-out deployment (sticky sessions, probes, migration before the app).
/// </summary>
public sealed partial class DeploymentFilesTests
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task The_compose_file_resolves_to_postgres_smtp4dev_a_migration_two_app_replicas_and_a_sticky_proxy()
    {
        var directory = Path.Combine(Repository.Root, "deploy", "docker");
        var compose = await FindComposeAsync();
        if (compose is null)
        {
            Assert.Fail("Neither `docker compose` (the Docker CLI's compose plugin) nor `docker-compose` is installed, so "
                + "deploy/docker/compose.yaml cannot be validated. deploy/local/test.sh installs Debian's docker-compose "
                + "(apt-get install docker-compose); no Docker engine is needed.");
            return;
        }

        var (file, prefix) = compose.Value;
        var result = await RunAsync(file, [.. prefix, "-f", "compose.yaml", "config"], directory);
        Assert.True(result.ExitCode == 0, $"{file} {string.Join(' ', prefix)} config exited {result.ExitCode}: {result.Error}");

        var resolved = Assert.Single(Load(result.Output));
        var services = Map(resolved, "services");
        foreach (var name in new[] { "postgres", "smtp4dev", "migrate", "app1", "app2", "proxy" })
        {
            Assert.True(At(services, name) is YamlMappingNode, $"compose.yaml has no service '{name}'.");
        }

        Assert.StartsWith("postgres:", Scalar(services, "postgres", "image"), StringComparison.Ordinal);
        Assert.StartsWith("rnwood/smtp4dev", Scalar(services, "smtp4dev", "image"), StringComparison.Ordinal);

        // One image: the migration runs the verb, the two replicas serve once it has succeeded.
        var subnet = Scalar(Assert.Single(Sequence(Map(Map(Map(resolved, "networks"), "exchange"), "ipam"), "config").OfType<YamlMappingNode>()), "subnet");
        Assert.False(string.IsNullOrEmpty(subnet));
        var image = Scalar(services, "migrate", "image");
        Assert.False(string.IsNullOrEmpty(image));
        Assert.Contains("migrate", Words(At(services, "migrate", "command")));
        foreach (var app in new[] { "app1", "app2" })
        {
            Assert.Equal(image, Scalar(services, app, "image"));
            Assert.Equal("service_completed_successfully", Scalar(services, app, "depends_on", "migrate", "condition"));
            Assert.Contains("http://127.0.0.1:8080/health/ready", Words(At(services, app, "healthcheck", "test")));
            // Forwarded headers are trusted from the compose network, where the proxy is.
            Assert.Equal(subnet, Scalar(services, app, "environment", "ReverseProxy__TrustedNetworks__0"));
            Assert.True(At(services, "proxy", "depends_on", app) is not null, $"The proxy does not wait for {app}.");
        }

        // The proxy balances over both replicas with a sticky cookie (Blazor Server circuits stay on their replica).
        var caddyfile = await File.ReadAllTextAsync(Path.Combine(directory, "Caddyfile"));
        Assert.Contains("lb_policy cookie", caddyfile, StringComparison.Ordinal);
        Assert.Contains("app1:8080", caddyfile, StringComparison.Ordinal);
        Assert.Contains("app2:8080", caddyfile, StringComparison.Ordinal);

        // Every variable compose.yaml reads is documented in .env.example (the only env file in the repository).
        var composeText = await File.ReadAllTextAsync(Path.Combine(directory, "compose.yaml"));
        var documented = (await File.ReadAllLinesAsync(Path.Combine(directory, ".env.example")))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal))
            .Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)])
            .ToHashSet(StringComparer.Ordinal);
        foreach (Match variable in ComposeVariable().Matches(composeText))
        {
            Assert.Contains(variable.Groups[1].Value, documented);
        }
    }

    [Fact]
    public async Task The_image_is_built_in_stages_and_runs_as_a_non_root_user_with_a_health_check()
    {
        var dockerfile = await File.ReadAllLinesAsync(Path.Combine(Repository.Root, "deploy", "docker", "Dockerfile"));
        var instructions = dockerfile.Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();

        Assert.True(instructions.Count(line => line.StartsWith("FROM ", StringComparison.Ordinal)) >= 2, "The Dockerfile has a single stage.");
        Assert.Contains("USER $APP_UID", instructions);
        Assert.Contains(instructions, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal));
        Assert.Contains(instructions, line => line.Contains("/health/live", StringComparison.Ordinal));
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"SafeBrussels.Exchange.Web.dll\"]", instructions);
        // The last USER wins: the final stage must not switch back to root.
        Assert.Equal("USER $APP_UID", instructions.Last(line => line.StartsWith("USER ", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_kubernetes_manifests_run_two_probed_non_root_replicas_behind_a_sticky_ingress_after_a_migration_job()
    {
        var directory = Path.Combine(Repository.Root, "deploy", "kubernetes");
        var manifests = Directory.GetFiles(directory, "*.yaml")
            .SelectMany(file => Load(File.ReadAllText(file)))
            .ToList();
        YamlMappingNode Manifest(string kind) => Assert.Single(manifests, manifest => Scalar(manifest, "kind") == kind);

        var secret = Manifest("Secret");
        var secretName = Scalar(secret, "metadata", "name");
        Assert.False(string.IsNullOrEmpty(secretName));

        // Deployment: two non-root replicas, probed, configured from the Secret.
        var deployment = Manifest("Deployment");
        Assert.Equal("2", Scalar(deployment, "spec", "replicas"));
        var pod = Map(Map(Map(deployment, "spec"), "template"), "spec");
        var container = Assert.Single(Sequence(pod, "containers").OfType<YamlMappingNode>());
        Assert.True(
            Scalar(pod, "securityContext", "runAsNonRoot") == "true" || Scalar(container, "securityContext", "runAsNonRoot") == "true",
            "The Deployment's pods may run as root (securityContext.runAsNonRoot is not true).");
        Assert.Equal("/health/ready", Scalar(container, "readinessProbe", "httpGet", "path"));
        Assert.Equal("/health/live", Scalar(container, "livenessProbe", "httpGet", "path"));
        Assert.Contains(secretName, SecretsReferenced(container));
        Assert.Equal("true", Scalar(container, "securityContext", "readOnlyRootFilesystem"));
        Assert.Contains(Sequence(container, "volumeMounts").OfType<YamlMappingNode>(), mount => Scalar(mount, "mountPath") == "/tmp");

        // Service: selects exactly the Deployment's pods, on the container's port.
        var podLabels = Map(Map(Map(deployment, "spec"), "template"), "metadata");
        var service = Manifest("Service");
        var selector = Map(Map(service, "spec"), "selector");
        Assert.NotEmpty(selector.Children);
        foreach (var (key, value) in selector.Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, Scalar(podLabels, "labels", ((YamlScalarNode)key).Value!));
        }

        foreach (var (key, value) in Map(Map(Map(deployment, "spec"), "selector"), "matchLabels").Children)
        {
            Assert.Equal(((YamlScalarNode)value).Value, Scalar(podLabels, "labels", ((YamlScalarNode)key).Value!));
        }

        var targetPort = Scalar(Assert.Single(Sequence(Map(service, "spec"), "ports").OfType<YamlMappingNode>()), "targetPort");
        Assert.Contains(
            Sequence(container, "ports").OfType<YamlMappingNode>(),
            port => Scalar(port, "name") == targetPort || Scalar(port, "containerPort") == targetPort);

        // Ingress: cookie affinity (a browser stays with the replica holding its circuit), to that Service.
        var ingress = Manifest("Ingress");
        Assert.Equal("cookie", Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/affinity"));
        Assert.False(string.IsNullOrEmpty(Scalar(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/session-cookie-name")));
        var backends = Sequence(Map(ingress, "spec"), "rules").OfType<YamlMappingNode>()
            .SelectMany(rule => Sequence(Map(rule, "http"), "paths").OfType<YamlMappingNode>())
            .Select(path => Scalar(path, "backend", "service", "name"))
            .ToList();
        Assert.NotEmpty(backends);
        Assert.All(backends, backend => Assert.Equal(Scalar(service, "metadata", "name"), backend));

        // Job: the migrate verb, with the Deployment's image and the same Secret.
        var job = Manifest("Job");
        var jobContainer = Assert.Single(Sequence(Map(Map(Map(job, "spec"), "template"), "spec"), "containers").OfType<YamlMappingNode>());
        Assert.Contains("migrate", Words(At(jobContainer, "command")).Concat(Words(At(jobContainer, "args"))));
        Assert.Equal(Scalar(container, "image"), Scalar(jobContainer, "image"));
        Assert.Contains(secretName, SecretsReferenced(jobContainer));

        // Kustomization: every listed file exists, the example Secret is never applied with the rest.
        var kustomization = Manifest("Kustomization");
        var resources = Sequence(kustomization, "resources").OfType<YamlScalarNode>().Select(r => r.Value!).ToList();
        Assert.All(resources, resource => Assert.True(File.Exists(Path.Combine(directory, resource)), $"kustomization.yaml lists missing {resource}."));
        Assert.DoesNotContain("secret.example.yaml", resources);
        foreach (var file in new[] { "deployment.yaml", "service.yaml", "ingress.yaml", "migration-job.yaml" })
        {
            Assert.Contains(file, resources);
        }
    }

    /// <summary>The Secrets a container reads: envFrom secretRef and env valueFrom secretKeyRef.</summary>
    private static List<string?> SecretsReferenced(YamlMappingNode container) =>
        Sequence(container, "envFrom").OfType<YamlMappingNode>().Select(source => Scalar(source, "secretRef", "name"))
            .Concat(Sequence(container, "env").OfType<YamlMappingNode>().Select(variable => Scalar(variable, "valueFrom", "secretKeyRef", "name")))
            .Where(name => name is not null)
            .ToList();

    private static List<YamlMappingNode> Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(document => document.RootNode).OfType<YamlMappingNode>().ToList();
    }

    private static YamlNode? At(YamlMappingNode node, params string[] path)
    {
        YamlNode? current = node;
        foreach (var key in path)
        {
            current = current is YamlMappingNode mapping
                ? mapping.Children.FirstOrDefault(child => child.Key is YamlScalarNode scalar && string.Equals(scalar.Value, key, StringComparison.Ordinal)).Value
                : null;
        }

        return current;
    }

    private static string? Scalar(YamlMappingNode node, params string[] path) => (At(node, path) as YamlScalarNode)?.Value;

    private static YamlMappingNode Map(YamlMappingNode node, string key) =>
        At(node, key) as YamlMappingNode ?? throw new InvalidOperationException($"'{key}' is missing or not a mapping in {node}.");

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        At(node, key) is YamlSequenceNode sequence ? sequence.Children : Array.Empty<YamlNode>();

    /// <summary>A command as its words, whether written as a list or as one string.</summary>
    private static IEnumerable<string> Words(YamlNode? node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(word => word.Value ?? ""),
        YamlScalarNode scalar => (scalar.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => Array.Empty<string>(),
    };

    /// <summary><c>docker compose</c> when the Docker CLI has the plugin, else the standalone <c>docker-compose</c>; null when neither runs.</summary>
    private static async Task<(string File, string[] Prefix)?> FindComposeAsync()
    {
        if (await TryRunAsync("docker", ["compose", "version"]) == 0)
        {
            return ("docker", new[] { "compose" });
        }

        if (await TryRunAsync("docker-compose", ["version"]) == 0)
        {
            return ("docker-compose", Array.Empty<string>());
        }

        return null;
    }

    private static async Task<int?> TryRunAsync(string file, string[] arguments)
    {
        try
        {
            return (await RunAsync(file, arguments, Repository.Root)).ExitCode;
        }
        catch (Win32Exception)
        {
            // Not installed.
            return null;
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish within {ProcessTimeout}.");
        }

        return (process.ExitCode, await output, await error);
    }

    /// <summary><c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME:?error}</c>; not <c>$${NAME}</c>, which compose leaves to the container.</summary>
    [GeneratedRegex(@"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(?:[:?-][^}]*)?\}")]
    private static partial Regex ComposeVariable();
}
