using System.ComponentModel;

namespace Loyalife.MoEngageStandIn.Workspaces;

/// <summary>Lets configuration bind <c>StandIn:Workspaces:0:Customers:0=C1</c> (a bare ID) to a <see cref="CustomerSeed"/>.</summary>
internal sealed class CustomerSeedTypeConverter : TypeConverter
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType) =>
        sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value) =>
        value is string id ? new CustomerSeed { CustomerId = id } : base.ConvertFrom(context, culture, value);
}
