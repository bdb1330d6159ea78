using System.Text.Json.Serialization;

namespace Loyalife.MoEngageDispatcher.Alerts;

/// <summary>Where one alert's delivery to one target stands; stored and answered as its <see cref="EnumText"/> (pending, delivered, failed).</summary>
[JsonConverter(typeof(EnumTextJsonConverter<DeliveryState>))]
public enum DeliveryState
{
    Pending,
    Delivered,
    Failed,
}
