using Loyalife.AppHost.Infrastructure;

namespace Loyalife.AppHost.Tests;

public sealed class InfrastructureModelTests
{
    [Fact]
    public async Task ResourceNamesAreTheDesigns()
    {
        var model = await AppHostModel.CreateAsync();
        var names = model.Builder.Resources.Select(r => r.Name).ToHashSet();

        string[] expected =
        [
            "postgres", "loyalife", "redis", "moengage", "admin-token", "moengage-api-base-url",
            "settings-service", "snapshot-service", "moengage-dispatcher",
            "settings-service-dapr", "snapshot-service-dapr", "moengage-dispatcher-dapr",
        ];
        Assert.Subset(names, expected.ToHashSet());
    }

    [Fact]
    public async Task LocalPostgresRunsInTheForegroundOnItsClusterInTheDataFolder()
    {
        var model = await AppHostModel.CreateAsync();
        var postgres = model.Resource<LocalPostgresServerResource>("postgres");
        var arguments = await model.ArgumentsAsync("postgres");

        Assert.Equal(Path.Combine(model.DataDirectory, "postgres"), AppHostModel.Flag(arguments, "-D"));
        Assert.Equal(AppHostModel.TargetPort(postgres, "tcp").ToString(), AppHostModel.Flag(arguments, "-p"));
        if (Environment.UserName == "root")
        {
            // The server refuses root; runuser runs it as postgres and passes the stop signal on.
            Assert.Equal("runuser", postgres.Command);
            Assert.Equal(["-u", "postgres", "--"], arguments[..3]);
            Assert.Equal("postgres", Path.GetFileName(arguments[3]));
        }
        else
        {
            Assert.Equal("postgres", Path.GetFileName(postgres.Command));
        }

        Assert.Equal("loyalife", model.Resource<LocalPostgresDatabaseResource>("loyalife").DatabaseName);
        Assert.Same(postgres, model.Resource<LocalPostgresDatabaseResource>("loyalife").Parent);
    }

    [Fact]
    public async Task ServicesGetConnectionStringsTheSameWayInBothModes()
    {
        foreach (var mode in new[] { "Local", "Container" })
        {
            var model = await AppHostModel.CreateAsync($"--Infrastructure:Mode={mode}");
            var settings = await model.EnvironmentAsync("settings-service");
            var snapshot = await model.EnvironmentAsync("snapshot-service");
            var dispatcher = await model.EnvironmentAsync("moengage-dispatcher");

            Assert.Contains("Database=loyalife", settings["ConnectionStrings__loyalife"]);
            Assert.Equal(settings["ConnectionStrings__loyalife"], snapshot["ConnectionStrings__loyalife"]);
            Assert.Equal(settings["ConnectionStrings__loyalife"], dispatcher["ConnectionStrings__loyalife"]);
            Assert.Contains($":{AppHostModel.Port(model.Resource("redis"), "tcp")}", dispatcher["ConnectionStrings__redis"]);
            Assert.DoesNotContain("ConnectionStrings__redis", settings.Keys);
        }
    }

    [Fact]
    public async Task ForcingContainersUsesAspiresPostgresAndRedisContainers()
    {
        var model = await AppHostModel.CreateAsync("--Infrastructure:Mode=Container");

        Assert.IsType<PostgresServerResource>(model.Resource("postgres"));
        Assert.IsType<PostgresDatabaseResource>(model.Resource("loyalife"));
        Assert.IsType<RedisResource>(model.Resource("redis"));
        Assert.Equal("container", model.Resource("postgres").Annotations.OfType<ShownChoiceAnnotation>().Single().Value);
    }

    [Fact]
    public async Task LocalServersAreCheckedWithRealConnections()
    {
        var model = await AppHostModel.CreateAsync();

        Assert.Contains("postgres_check", model.Resource("postgres").Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key));
        Assert.Contains("loyalife_check", model.Resource("loyalife").Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key));
        Assert.Contains("redis_check", model.Resource("redis").Annotations.OfType<HealthCheckAnnotation>().Select(a => a.Key));
    }

    [Theory]
    [InlineData("--Infrastructure:Mode=Kubernetes", "Infrastructure:Mode must be one of Auto, Container, Local, not 'Kubernetes'.")]
    [InlineData("--Dapr:Runtime=dapr", "Dapr:Runtime must be one of Auto, Daprd, Local, not 'dapr'.")]
    public async Task AMistypedSwitchStopsWithTheAcceptedValues(string argument, string message)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() => AppHostModel.CreateAsync(argument));

        Assert.Contains(message, Flatten(exception));
    }

    private static string Flatten(Exception exception) =>
        exception.InnerException is null ? exception.Message : exception.Message + " | " + Flatten(exception.InnerException);
}
