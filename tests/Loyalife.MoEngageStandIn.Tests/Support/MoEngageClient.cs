using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Loyalife.MoEngageStandIn.Tests.Support;

/// <summary>Talks to the stand-in the way a MoEngage client would, plus its control API.</summary>
public sealed class MoEngageClient(RunningStandIn standIn)
{
    public const string Key = "data-api-key";

    public HttpClient Http => standIn.Control;

    /// <summary>Creates a fresh workspace with a unique App ID; <paramref name="body"/> overrides the defaults.</summary>
    public async Task<string> CreateWorkspaceAsync(string dataCenter = "01", JsonObject? body = null)
    {
        var appId = "APP" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
        body ??= [];
        body["dataCenter"] ??= dataCenter;
        body["apiKey"] ??= Key;
        var response = await Http.PutAsJsonAsync($"/control/workspaces/{appId}", body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return appId;
    }

    /// <summary>Creates a fresh workspace that holds profiles for exactly <paramref name="customerIds"/>.</summary>
    public Task<string> CreateWorkspaceHoldingAsync(params string[] customerIds) =>
        CreateWorkspaceAsync(body: new JsonObject { ["customerIds"] = new JsonArray([.. customerIds.Select(id => JsonValue.Create(id))]) });

    public Task<HttpResponseMessage> PostAsync(string path, string json, string? user, string? key = Key,
        string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(json)),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (user is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{key}")));
            request.Headers.Add("MOE-APPKEY", user);
        }

        return Http.SendAsync(request);
    }

    public Task<HttpResponseMessage> BulkAsync(string appId, object body, string dc = "01") =>
        PostAsync($"/dc/{dc}/v1/transition/{appId}", body as string ?? JsonSerializer.Serialize(body), appId);

    public static object Bulk(params object[] elements) => new { type = "transition", elements };

    public static object Customer(string id, object attributes, bool updateExistingOnly = false) =>
        updateExistingOnly
            ? new { type = "customer", customer_id = id, update_existing_only = true, attributes }
            : new { type = "customer", customer_id = id, attributes };

    public static object Event(string id, string name, DateTimeOffset time, object? attributes = null) =>
        new
        {
            type = "event",
            customer_id = id,
            actions = new[] { new { action = name, attributes = attributes ?? new { }, current_time = time.ToString("yyyy-MM-ddTHH:mm:ssZ") } },
        };

    /// <summary>Get User for <paramref name="customerIds"/>; <paramref name="fields"/> null leaves user_fields_to_export out.</summary>
    public Task<HttpResponseMessage> GetUserAsync(string appId, IEnumerable<string> customerIds, string[]? fields = null, string dc = "01") =>
        PostAsync($"/dc/{dc}/v1/customers/export?app_id={appId}", JsonSerializer.Serialize(GetUserBody(customerIds, fields)), appId);

    public static JsonObject GetUserBody(IEnumerable<string> customerIds, string[]? fields = null)
    {
        var data = new JsonObject
        {
            ["identifiers"] = new JsonArray([.. customerIds.Select(id => new JsonObject { ["identifier_type"] = "customer_id", ["identifier"] = id })]),
        };
        if (fields is not null)
        {
            data["user_fields_to_export"] = new JsonArray([.. fields.Select(f => JsonValue.Create(f))]);
        }

        return new JsonObject { ["data"] = data };
    }

    /// <summary>A workspace with Get User switched on; <paramref name="body"/> adds to the definition.</summary>
    public Task<string> CreateGetUserWorkspaceAsync(JsonObject? body = null, int? usersPerMinute = 1000, string dataCenter = "01")
    {
        body ??= [];
        body["getUser"] = new JsonObject { ["enabled"] = true, ["usersPerMinute"] = usersPerMinute };
        return CreateWorkspaceAsync(dataCenter, body);
    }

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> StatsAsync(string appId) => GetJsonAsync($"/control/workspaces/{appId}/stats");

    public Task<JsonElement> CustomerAsync(string appId, string customerId) => GetJsonAsync($"/control/workspaces/{appId}/customers/{customerId}");

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fail", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("request_id").GetString()));
        return body.GetProperty("error");
    }
}
