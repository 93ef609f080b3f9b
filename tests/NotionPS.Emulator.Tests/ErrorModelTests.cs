using System.Net;
using System.Text.Json.Nodes;

namespace NotionPS.Emulator.Tests;

/// <summary>Notion's error model: every bad request is a clear 4xx in Notion's body, never a 500.</summary>
public sealed class ErrorModelTests
{
    [Fact]
    public async Task MissingNotionVersionIsMissingVersion()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.GetAsync("v1/users/me", version: null);
        var message = reply.AssertError(HttpStatusCode.BadRequest, "missing_version");
        Assert.Contains("Notion-Version", message);
    }

    [Theory]
    [InlineData("2022-02-22")]
    [InlineData("yesterday")]
    public async Task UnsupportedNotionVersionIsValidationError(string version)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.GetAsync("v1/users/me", version: version)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains(version, message);
    }

    [Theory]
    [InlineData("not-a-real-token")]
    [InlineData(null)]
    public async Task BadOrMissingTokenIsUnauthorized(string? token)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.GetAsync("v1/users/me", token: token)).AssertError(HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal("API token is invalid.", message);
    }

    [Theory]
    [InlineData("{\"query\": ")]
    [InlineData("{'single': 'quotes'}")]
    [InlineData("not json at all")]
    public async Task MalformedJsonIsInvalidJson(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("v1/search", body)).AssertError(HttpStatusCode.BadRequest, "invalid_json");
    }

    /// <summary>A key given twice keeps its last value, as JSON.parse (Notion's parser) reads it: never a 500.</summary>
    [Theory]
    [InlineData("{\"query\": \"zzz-matches-nothing\", \"query\": \"Tasks\"}", true)]
    [InlineData("{\"query\": \"Tasks\", \"query\": \"zzz-matches-nothing\"}", false)]
    [InlineData("{\"filter\": {\"value\": \"page\", \"property\": \"object\", \"value\": \"data_source\"}, \"query\": \"Tasks\"}", true)]
    public async Task ADuplicateKeyKeepsItsLastValue(string body, bool findsTasks)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.PostAsync("v1/search", body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(findsTasks, reply.Json["results"]!.AsArray().Any());
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("42")]
    public async Task BodyThatIsNotAnObjectIsValidationError(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Fact]
    public async Task UnknownPathIsInvalidRequestUrl()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.GetAsync("v1/no-such-endpoint")).AssertError(HttpStatusCode.BadRequest, "invalid_request_url");
    }

    [Fact]
    public async Task WrongMethodIsInvalidRequestUrl()
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.SendAsync(HttpMethod.Delete, $"v1/databases/{Demo.TasksDatabase}", null)).AssertError(HttpStatusCode.BadRequest, "invalid_request_url");
    }

    [Theory]
    [InlineData("v1/pages/not-an-id", "page_id")]
    [InlineData("v1/databases/1234", "database_id")]
    [InlineData("v1/data_sources/zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "data_source_id")]
    [InlineData("v1/users/someone", "user_id")]
    public async Task MalformedIdInPathIsValidationError(string path, string parameter)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var message = (await emulator.GetAsync(path)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains($"path.{parameter} should be a valid uuid", message);
    }

    [Fact]
    public async Task IdsAreAcceptedWithoutDashes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var reply = await emulator.GetAsync("v1/databases/" + Demo.TasksDatabase.Replace("-", ""));
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Demo.TasksDatabase, (string?)reply.Json["id"]);
    }

    [Fact]
    public async Task ArrayOverOneHundredItemsIsValidationErrorAnywhereInTheBody()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var tags = new JsonArray([.. Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["name"] = $"t{i}" })]);
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
            ["properties"] = new JsonObject { ["Tags"] = new JsonObject { ["multi_select"] = tags } },
        };
        var message = (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("body.properties.Tags.multi_select.length should be ≤ `100`, instead was `101`", message);

        var sorts = new JsonArray([.. Enumerable.Range(0, 150).Select(_ => (JsonNode)new JsonObject { ["timestamp"] = "created_time", ["direction"] = "ascending" })]);
        (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", new JsonObject { ["sorts"] = sorts }))
            .AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Theory]
    [InlineData("{\"page_size\": \"ten\"}")]
    [InlineData("{\"page_size\": 101}")]
    [InlineData("{\"page_size\": 0}")]
    [InlineData("{\"page_size\": 2.5}")]
    [InlineData("{\"start_cursor\": 17}")]
    [InlineData("{\"start_cursor\": \"not-a-cursor\"}")]
    [InlineData("{\"filter\": \"Status\"}")]
    [InlineData("{\"filter\": {\"property\": \"Estimate\", \"number\": {\"greater_than\": \"five\"}}}")]
    [InlineData("{\"filter\": {\"property\": \"Estimate\", \"number\": {\"bigger\": 5}}}")]
    [InlineData("{\"filter\": {\"property\": \"Status\", \"select\": {\"equals\": \"Done\"}}}")]
    [InlineData("{\"filter\": {\"property\": \"Nope\", \"rich_text\": {\"contains\": \"x\"}}}")]
    [InlineData("{\"filter\": {\"and\": [42]}}")]
    [InlineData("{\"filter\": {\"property\": \"Due\", \"date\": {\"after\": \"soon\"}}}")]
    [InlineData("{\"filter\": {\"property\": \"Done\", \"checkbox\": {\"equals\": \"yes\"}}}")]
    [InlineData("{\"filter\": {\"timestamp\": \"due_time\", \"due_time\": {\"after\": \"2026-01-01\"}}}")]
    [InlineData("{\"sorts\": [{\"property\": \"Name\", \"direction\": \"sideways\"}]}")]
    [InlineData("{\"sorts\": [{\"property\": \"Nope\", \"direction\": \"ascending\"}]}")]
    [InlineData("{\"sorts\": {\"property\": \"Name\"}}")]
    [InlineData("{\"sorts\": [\"Name\"]}")]
    [InlineData("{\"filter\": {\"property\": \"Estimate\", \"number\": {}}}")]
    public async Task BadQueryBodiesAreValidationErrors(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync($"v1/data_sources/{Demo.TasksDataSource}/query", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Theory]
    [InlineData("{\"query\": 5}")]
    [InlineData("{\"filter\": {\"property\": \"object\", \"value\": \"database\"}}")]
    [InlineData("{\"filter\": {\"property\": \"title\", \"value\": \"page\"}}")]
    [InlineData("{\"sort\": {\"timestamp\": \"created_time\", \"direction\": \"ascending\"}}")]
    [InlineData("{\"page_size\": -1}")]
    public async Task BadSearchBodiesAreValidationErrors(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("v1/search", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
    }

    [Theory]
    [InlineData("{\"properties\": {}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}}")]
    [InlineData("{\"parent\": \"Tasks\"}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"nope\"}}")]
    [InlineData("{\"parent\": {\"workspace\": true}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": []}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Name\": \"plain text\"}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Name\": {\"title\": \"plain\"}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Name\": {\"title\": [{\"text\": {}}]}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Name\": {\"title\": [null]}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Estimate\": {\"number\": \"3\"}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Estimate\": {\"type\": \"rich_text\", \"number\": 3}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Estimate\": {\"rich_text\": []}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Done\": {\"checkbox\": \"true\"}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Status\": {\"status\": {\"name\": \"Invented\"}}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Priority\": {\"select\": \"High\"}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Tags\": {\"multi_select\": [\"docs\"]}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Due\": {\"date\": {\"start\": \"next week\"}}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Owner\": {\"people\": [{\"id\": \"c1a55e00-0000-4000-8000-000000000099\"}]}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Related\": {\"relation\": [{\"id\": 7}]}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Score\": {\"formula\": {\"number\": 1}}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Created\": {\"created_time\": \"2026-01-01\"}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Nope\": {\"rich_text\": []}}}")]
    [InlineData("{\"parent\": {\"data_source_id\": \"2b3c4d5e-6f70-4a81-9c0d-1e2f3a4b5c6d\"}, \"properties\": {\"Link\": {\"url\": 5}}}")]
    [InlineData("{\"parent\": {\"database_id\": \"5e6f7081-92a3-4db4-92f3-a4b5c6d7e8f9\"}, \"properties\": {}}")]
    public async Task BadPageBodiesAreValidationErrors(string body)
    {
        await using var emulator = await TestEmulator.StartAsync();
        (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        var stats = await emulator.AdminAsync(HttpMethod.Get, "stats");
        Assert.Equal(0, (int?)stats!["integrations"]![Demo.FullBotId]!["pagesCreated"]);
    }

    [Fact]
    public async Task TextLongerThanTwoThousandCharactersIsValidationError()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var body = new JsonObject
        {
            ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
            ["properties"] = new JsonObject
            {
                ["Notes"] = new JsonObject { ["rich_text"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["content"] = new string('x', 2001) } }) },
            },
        };
        var message = (await emulator.PostAsync("v1/pages", body)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Contains("text.content.length should be ≤ `2000`", message);
    }

    [Fact]
    public async Task PayloadOverFiveHundredKilobytesIsValidationError()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var justUnder = new JsonObject { ["query"] = new string('q', 500 * 1024 - 20) };
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("v1/search", justUnder)).Status);

        var over = new JsonObject { ["query"] = new string('q', 500 * 1024) };
        var message = (await emulator.PostAsync("v1/search", over)).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal("body failed validation: the request body should be at most 512000 bytes (500 KB), instead was 512012 bytes.", message);
    }

    [Theory]
    [InlineData("Name", "title")]
    [InlineData("Notes", "rich_text")]
    public async Task EachRichTextItemMayHoldTwoThousandCharacters(string property, string type)
    {
        await using var emulator = await TestEmulator.StartAsync();
        JsonObject Body(int length) => new()
        {
            ["parent"] = new JsonObject { ["data_source_id"] = Demo.TasksDataSource },
            ["properties"] = new JsonObject
            {
                [property] = new JsonObject
                {
                    [type] = new JsonArray(
                        new JsonObject { ["text"] = new JsonObject { ["content"] = new string('x', 2000) } },
                        new JsonObject { ["text"] = new JsonObject { ["content"] = new string('y', length) } }),
                },
            },
        };
        Assert.Equal(HttpStatusCode.OK, (await emulator.PostAsync("v1/pages", Body(2000))).Status);
        var message = (await emulator.PostAsync("v1/pages", Body(2001))).AssertError(HttpStatusCode.BadRequest, "validation_error");
        Assert.Equal($"body failed validation: body.properties.{property}.{type}[1].text.content.length should be ≤ `2000`, instead was `2001`.", message);
    }

    [Fact]
    public async Task EveryErrorCarriesItsOwnRequestId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var first = await emulator.GetAsync("v1/users/me", token: "nope");
        var second = await emulator.GetAsync("v1/users/me", token: "nope");
        Assert.NotEqual((string?)first.Json["request_id"], (string?)second.Json["request_id"]);
        Assert.Equal((string?)first.Json["request_id"], first.Headers.GetValues("x-notion-request-id").Single());
    }
}
