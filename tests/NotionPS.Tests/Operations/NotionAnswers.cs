using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using NotionPS.Tests.Client;
using static NotionPS.Tests.Client.NotionClientTests;

namespace NotionPS.Tests.Operations;

/// <summary>Notion's answers the database operations' tests script, beside NotionClientTests' Ok and Error.</summary>
internal static class NotionAnswers
{
    public const string OneSource = """{"object":"database","id":"db1","title":[{"plain_text":"Tasks"}],"data_sources":[{"id":"ds1","name":"Tasks"}]}""";
    public const string TwoSources = """{"object":"database","id":"db2","title":[{"plain_text":"Projects"}],"data_sources":[{"id":"ds1","name":"Active"},{"id":"ds2","name":"Archive"}]}""";
    public const string Schema = """{"object":"data_source","id":"ds1","name":"Tasks","parent":{"type":"database_id","database_id":"db1"},"properties":{"Name":{"id":"title","type":"title","title":{}}}}""";
    public const string Page = """{"object":"page","id":"p1","properties":{}}""";
    public const string EmptyList = """{"object":"list","results":[],"has_more":false,"next_cursor":null}""";

    /// <summary>2022-06-28's refusal of a database with several data sources: a 400 listing them in additional_data.</summary>
    public static Func<HttpResponseMessage> LegacyRefusal(params string[] dataSourceIds) => () =>
        new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
        {
            Content = new StringContent(
                "{\"object\":\"error\",\"status\":400,\"code\":\"validation_error\",\"message\":\"Databases with multiple data sources are not supported in this API version.\","
                + "\"request_id\":\"r1\",\"additional_data\":{\"child_data_source_ids\":[" + string.Join(",", dataSourceIds.Select(id => "\"" + id + "\"")) + "]}}"),
        };

    /// <summary>A 429 that asks for no wait, so the client repeats the request at once.</summary>
    public static Func<HttpResponseMessage> RateLimitedBriefly() => () =>
    {
        var response = Error(429, "rate_limited", "You have been rate limited.")();
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.Zero);
        return response;
    };

    /// <summary>Each request as "METHOD full URI".</summary>
    /// <summary>An append's answer (or a children listing): blocks with these IDs, in order.</summary>
    public static string Results(params string[] ids) =>
        "{\"object\":\"list\",\"results\":[" + string.Join(",", ids.Select(id => $"{{\"object\":\"block\",\"id\":\"{id}\"}}")) + "],\"has_more\":false,\"next_cursor\":null}";

    /// <summary>Blocks prefix1 to prefix<paramref name="count"/>.</summary>
    public static string BlockIds(string prefix, int count) => Results(Enumerable.Range(1, count).Select(i => prefix + i).ToArray());

    public static IEnumerable<string> SentUris(ScriptedHandler handler) => handler.Requests.Select(r => r.Method + " " + r.Uri);

    public static string[] Sent(ScriptedHandler handler) => handler.Requests.Select(r => r.Method + " " + r.Uri.Replace("https://api.notion.com/", string.Empty)).ToArray();
}
