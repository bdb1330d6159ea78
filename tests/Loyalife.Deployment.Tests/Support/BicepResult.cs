namespace Loyalife.Deployment.Tests.Support;

internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    public override string ToString() => $"exit {ExitCode}\n{StandardError}\n{StandardOutput}";
}
