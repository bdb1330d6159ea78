using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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

    public async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<JsonElement> StatsAsync(string appId) => GetJsonAsync($"/control/workspaces/{appId}/stats");

    public static async Task<JsonElement> ErrorAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("fail", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetProperty("request_id").GetString()));
        return body.GetProperty("error");
    }
}
