using System.Net;

namespace NotionPS.Emulator.Tests;

/// <summary>Hostile bodies at every endpoint that reads one: always a 4xx in Notion's error body, never a 500.</summary>
public sealed class NoServerErrorTests
{
    public static TheoryData<string, string> HostileBodies()
    {
        string[] bodies =
        [
            "null", "\"text\"", "true", "{\"a\":", "{}", "{\"filter\": null}", "{\"filter\": {\"and\": null}}",
            "{\"filter\": {\"or\": [null]}}", "{\"filter\": {\"property\": null}}", "{\"filter\": {\"property\": \"Due\", \"date\": null}}",
            "{\"filter\": {\"property\": \"Due\", \"date\": {\"equals\": null}}}", "{\"filter\": {\"property\": \"Tags\", \"multi_select\": {\"contains\": 5}}}",
            "{\"filter\": {\"property\": \"Owner\", \"people\": {\"contains\": \"ada\"}}}", "{\"filter\": {\"timestamp\": \"created_time\"}}",
            "{\"filter\": {\"property\": \"Done\", \"checkbox\": {\"equals\": null}}}", "{\"sorts\": [null]}", "{\"sorts\": [{}]}",
            "{\"sorts\": [{\"timestamp\": \"created_time\"}]}", "{\"sort\": \"up\"}", "{\"sort\": {\"timestamp\": \"last_edited_time\", \"direction\": 1}}",
            "{\"page_size\": 1e300}", "{\"page_size\": null}", "{\"start_cursor\": null}", "{\"in_trash\": \"yes\"}", "{\"archived\": 1}",
            "{\"parent\": null}", "{\"parent\": {\"data_source_id\": null}}", "{\"parent\": {\"page_id\": 5}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Name\": null}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Tags\": {\"multi_select\": [null]}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Tags\": {\"multi_select\": [{\"name\": 5}]}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Due\": {\"date\": {\"start\": 5}}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Notes\": {\"rich_text\": [{\"text\": {\"content\": \"x\", \"link\": 5}}]}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Notes\": {\"rich_text\": [{\"text\": {\"content\": \"x\"}, \"annotations\": 5}]}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Owner\": {\"people\": [null]}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Status\": {\"status\": {}}}}",
            "{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Estimate\": {\"number\": 1e400}}}",
            "{\"properties\": {\"Estimate\": {\"number\": true}}, \"in_trash\": null}",
            new string('[', 5000) + new string(']', 5000),
            "{\"children\": [null]}", "{\"children\": [{\"type\": 5}]}", "{\"children\": [{\"paragraph\": {\"rich_text\": null}}]}",
            "{\"children\": [], \"position\": null}", "{\"children\": [], \"position\": {\"type\": \"after_block\"}}",
            "{\"children\": [], \"after\": 5}", "{\"filter\": {\"property\": \"Score\", \"formula\": {\"number\": null}}}",
            "{\"filter\": {\"property\": \"Total\", \"rollup\": {\"any\": {\"number\": []}}}}",
            "{\"filter\": {\"property\": \"Due\", \"date\": {\"past_week\": null}}}",
            "{\"filter\": " + string.Concat(Enumerable.Repeat("{\"and\": [", 40)) + "{}" + string.Concat(Enumerable.Repeat("]}", 40)) + "}",
        ];
        string[] endpoints =
        [
            "POST v1/search",
            "POST v1/data_sources/2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d/query",
            "POST v1/pages",
            "PATCH v1/pages/e1000000-0000-4000-8000-000000000001",
            "POST v1/databases/1a2b3c4d-5e6f-47a8-b9c0-d1e2f3a4b5c6/query 2022-06-28",
            "PATCH v1/blocks/92a3b4c5-d6e7-4f18-86d7-e8f9a0b1c2d3/children",
        ];
        var data = new TheoryData<string, string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var body in bodies)
            {
                data.Add(endpoint, body);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task HostileBodyIsAClientError(string endpoint, string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var parts = endpoint.Split(' ');
        var reply = await emulator.SendAsync(new HttpMethod(parts[0]), parts[1], body, version: parts.ElementAtOrDefault(2) ?? TestEmulator.DefaultVersion);
        Assert.True((int)reply.Status < 500, $"{endpoint} {body} answered {(int)reply.Status}: {reply.Body?.ToJsonString()}");
        if (reply.Status != HttpStatusCode.OK)
        {
            Assert.Equal("error", (string?)reply.Json["object"]);
        }
    }

    [Theory]
    [InlineData("v1/users?page_size=abc")]
    [InlineData("v1/users?page_size=-5")]
    [InlineData("v1/users?start_cursor=garbage")]
    [InlineData("v1/pages/e1000000-0000-4000-8000-000000000001?filter_properties=nope")]
    [InlineData("v1/pages/e1000000-0000-4000-8000-000000000001/properties/%25%25")]
    [InlineData("v1/pages/e1000000-0000-4000-8000-000000000001/properties/rel?start_cursor=-1")]
    [InlineData("v1/pages/e1000000-0000-4000-8000-000000000001/properties/rel?page_size=0")]
    [InlineData("v1/data_sources/%20")]
    [InlineData("v1/users/%E2%80%8B")]
    public async Task HostileQueryIsAClientError(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.GetAsync(path);
        Assert.True((int)reply.Status is >= 400 and < 500, $"{path} answered {(int)reply.Status}: {reply.Body?.ToJsonString()}");
        Assert.Equal("error", (string?)reply.Json["object"]);
    }
}
