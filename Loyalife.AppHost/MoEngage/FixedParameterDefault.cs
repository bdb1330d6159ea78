using Aspire.Hosting.Publishing;

namespace Loyalife.AppHost.MoEngage;

/// <summary>A parameter default that configuration (<c>Parameters:name</c>) still overrides.</summary>
internal sealed class FixedParameterDefault(string value) : ParameterDefault
{
    public override string GetDefaultValue() => value;

    public override void WriteToManifest(ManifestPublishingContext context) => context.Writer.WriteString("value", value);
}
