namespace Loyalife.AppHost.Tests.Support;

/// <summary>
/// Reads an OTLP/HTTP protobuf <c>ExportTraceServiceRequest</c> by the wire format alone (the test needs ids,
/// names, scopes and string attributes, not a generated client). A body that is not a trace export fails with
/// <see cref="FormatException"/>.
/// </summary>
internal static class OtlpTraceParser
{
    public static List<ReceivedSpan> Parse(ReadOnlySpan<byte> request)
    {
        var spans = new List<ReceivedSpan>();
        foreach (var (field, resourceSpans) in Fields(request))
        {
            if (field != 1)
            {
                continue;
            }

            var service = "";
            foreach (var (part, value) in Fields(resourceSpans.Span))
            {
                if (part == 1)
                {
                    service = Attributes(value.Span, 1).GetValueOrDefault("service.name", "");
                }
            }

            foreach (var (part, scopeSpans) in Fields(resourceSpans.Span))
            {
                if (part == 2)
                {
                    ReadScope(scopeSpans.Span, service, spans);
                }
            }
        }

        return spans;
    }

    private static void ReadScope(ReadOnlySpan<byte> scopeSpans, string service, List<ReceivedSpan> spans)
    {
        var scope = "";
        foreach (var (field, value) in Fields(scopeSpans))
        {
            if (field == 1)
            {
                scope = Strings(value.Span).GetValueOrDefault(1, "");
            }
        }

        foreach (var (field, span) in Fields(scopeSpans))
        {
            if (field == 2)
            {
                spans.Add(ReadSpan(span.Span, service, scope));
            }
        }
    }

    private static ReceivedSpan ReadSpan(ReadOnlySpan<byte> span, string service, string scope)
    {
        string traceId = "", spanId = "", parent = "", name = "";
        var kind = 0;
        var reader = new WireReader(span);
        while (reader.TryNext(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, 2): traceId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (2, 2): spanId = Convert.ToHexStringLower(reader.Bytes()); break;
                case (4, 2): parent = Convert.ToHexStringLower(reader.Bytes()); break;
                case (5, 2): name = System.Text.Encoding.UTF8.GetString(reader.Bytes()); break;
                case (6, 0): kind = (int)reader.Varint(); break;
                case (1 or 2 or 4 or 5, _): throw new FormatException($"Field {field} of a span has wire type {wireType}");
                default: reader.Skip(wireType); break;
            }
        }

        if (traceId.Length != 32 || spanId.Length != 16)
        {
            throw new FormatException("Not a span: its ids have the wrong length");
        }

        return new ReceivedSpan(service, scope, traceId, spanId, parent, name, kind, Attributes(span, 9));
    }

    /// <summary>KeyValue fields (key = 1, AnyValue = 2) with a string, bool or integer value, as text.</summary>
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int field)
    {
        var attributes = new Dictionary<string, string>();
        foreach (var (number, keyValue) in Fields(message))
        {
            if (number != field)
            {
                continue;
            }

            string? key = null, text = null;
            var reader = new WireReader(keyValue.Span);
            while (reader.TryNext(out var part, out var wireType))
            {
                if (part == 1 && wireType == 2)
                {
                    key = System.Text.Encoding.UTF8.GetString(reader.Bytes());
                }
                else if (part == 2 && wireType == 2)
                {
                    text = AnyValue(reader.Bytes());
                }
                else
                {
                    reader.Skip(wireType);
                }
            }

            if (key is not null && text is not null)
            {
                attributes[key] = text;
            }
        }

        return attributes;
    }

    private static string? AnyValue(ReadOnlySpan<byte> value)
    {
        var reader = new WireReader(value);
        while (reader.TryNext(out var field, out var wireType))
        {
            switch (field, wireType)
            {
                case (1, 2): return System.Text.Encoding.UTF8.GetString(reader.Bytes());
                case (2, 0): return reader.Varint() != 0 ? "true" : "false";
                case (3, 0): return ((long)reader.Varint()).ToString(System.Globalization.CultureInfo.InvariantCulture);
                default: reader.Skip(wireType); break;
            }
        }

        return null;
    }

    private static Dictionary<int, string> Strings(ReadOnlySpan<byte> message)
    {
        var strings = new Dictionary<int, string>();
        var reader = new WireReader(message);
        while (reader.TryNext(out var field, out var wireType))
        {
            if (wireType == 2)
            {
                strings[field] = System.Text.Encoding.UTF8.GetString(reader.Bytes());
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return strings;
    }

    /// <summary>The length-delimited fields of a message (the only kind the nesting above uses).</summary>
    private static List<(int Field, ReadOnlyMemory<byte> Value)> Fields(ReadOnlySpan<byte> message)
    {
        var fields = new List<(int, ReadOnlyMemory<byte>)>();
        var reader = new WireReader(message);
        while (reader.TryNext(out var field, out var wireType))
        {
            if (wireType == 2)
            {
                fields.Add((field, reader.Bytes().ToArray()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return fields;
    }

    /// <summary>Protocol Buffers' wire format: varint tags, then varint, 64-bit, length-delimited or 32-bit values.</summary>
    private ref struct WireReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> data = data;
        private int position;

        public bool TryNext(out int field, out int wireType)
        {
            if (position >= data.Length)
            {
                field = wireType = 0;
                return false;
            }

            var tag = Varint();
            field = (int)(tag >> 3);
            wireType = (int)(tag & 7);
            return true;
        }

        public ulong Varint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                if (position >= data.Length)
                {
                    throw new FormatException("Truncated varint");
                }

                var b = data[position++];
                value |= (ulong)(b & 0x7f) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new FormatException("Varint longer than 10 bytes");
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = (int)Varint();
            if (length < 0 || position + length > data.Length)
            {
                throw new FormatException("Length-delimited field runs past its message");
            }

            var bytes = data.Slice(position, length);
            position += length;
            return bytes;
        }

        public void Skip(int wireType)
        {
            switch (wireType)
            {
                case 0: Varint(); break;
                case 1: Advance(8); break;
                case 2: Bytes(); break;
                case 5: Advance(4); break;
                default: throw new FormatException($"Unsupported wire type {wireType}");
            }
        }

        private void Advance(int count)
        {
            if (position + count > data.Length)
            {
                throw new FormatException("Fixed-size field runs past its message");
            }

            position += count;
        }
    }
}
