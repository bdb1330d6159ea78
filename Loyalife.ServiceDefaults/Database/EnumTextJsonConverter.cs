using System.Text.Json;
using System.Text.Json.Serialization;

namespace Loyalife.ServiceDefaults.Database;

/// <summary>Writes and reads a state enum in JSON as its <see cref="EnumText"/>, the text it is stored as.</summary>
public sealed class EnumTextJsonConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
