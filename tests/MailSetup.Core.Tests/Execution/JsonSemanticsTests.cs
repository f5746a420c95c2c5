using System.Text.Json.Nodes;
using MailSetup.Core.Execution;

namespace MailSetup.Core.Tests.Execution;

/// <summary>How an adopted app's lists are merged before a PATCH replaces them.</summary>
public sealed class JsonSemanticsTests
{
    private const string Exchange = "00000002-0000-0ff1-ce00-000000000000";
    private const string Imap = "5e5addcd-3e8d-4e90-baf5-964efab2b20a";
    private const string Pop = "a6e2b7b4-a0e5-4d3b-9e43-7a6d5c0b1e2f";

    private static JsonArray Access(string resource, params string[] roles) =>
        [new JsonObject { ["resourceAppId"] = resource, ["resourceAccess"] = new JsonArray([.. roles.Select(r => (JsonNode)Role(r))]) }];

    private static JsonObject Role(string id) => new() { ["id"] = id, ["type"] = "Role" };

    [Fact]
    public void A_resource_the_app_has_gets_the_new_permissions_in_its_own_entry_not_a_second_one()
    {
        var added = new List<JsonNode?>();

        var merged = JsonSemantics.Union(Access(Exchange, Imap), Access(Exchange, Imap, Pop), added);

        var entry = Assert.Single(merged);
        Assert.Equal(Exchange, entry!["resourceAppId"]!.GetValue<string>());
        Assert.Equal(2, entry["resourceAccess"]!.AsArray().Count);
        Assert.True(JsonSemantics.Same(Role(Pop), Assert.Single(added)));
    }

    [Fact]
    public void A_new_resource_is_appended_and_everything_the_app_had_is_kept()
    {
        const string graph = "00000003-0000-0000-c000-000000000000";
        var added = new List<JsonNode?>();

        var merged = JsonSemantics.Union(Access(graph, "e1fe6dd8-ba31-4d61-89e7-88639da4683d"), Access(Exchange, Imap), added);

        Assert.Equal(2, merged.Count);
        Assert.Equal(graph, merged[0]!["resourceAppId"]!.GetValue<string>());
        Assert.Equal(Exchange, Assert.Single(added)!["resourceAppId"]!.GetValue<string>());
    }

    [Fact]
    public void Wanting_what_is_there_adds_nothing_and_is_the_same_list()
    {
        var added = new List<JsonNode?>();
        var current = Access(Exchange, Imap, Pop);

        var merged = JsonSemantics.Union(current, Access(Exchange, Pop), added);

        Assert.Empty(added);
        Assert.True(JsonSemantics.Same(current, merged));
    }
}
