using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MailSetup.Core.Clouds;
using MailSetup.Core.Exchange;
using static MailSetup.Core.Plans.Rendering.PlanDescriptions;

namespace MailSetup.Core.Plans.Rendering;

/// <summary>
/// The plan as JSON with a versioned schema (<see cref="Schema"/>): property order is fixed and a
/// change of meaning gets a new version. Request bodies are embedded as JSON, not strings.
/// </summary>
public sealed class JsonPlanRenderer : IPlanRenderer
{
    public const string Schema = "mailsetup.plan/v1";

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "json";

    public string Render(Plan plan)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("schema", Schema);
            json.WriteString("createdAt", Timestamp(plan.CreatedAt));
            WriteRequest(json, plan.Request);
            json.WriteStartArray("notices");
            foreach (var notice in plan.Notices)
            {
                json.WriteStartObject();
                json.WriteString("severity", Lower(notice.Severity));
                json.WriteString("code", notice.Code);
                json.WriteString("text", notice.Text);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("references");
            foreach (var reference in plan.References)
            {
                json.WriteStartObject();
                json.WriteString("name", reference.Placeholder);
                json.WriteString("description", reference.Description);
                json.WriteBoolean("secret", reference.Secret);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("steps");
            for (var i = 0; i < plan.Steps.Count; i++) WriteStep(json, i + 1, plan.Steps[i]);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteRequest(Utf8JsonWriter json, SetupRequest request)
    {
        json.WriteStartObject("request");
        json.WriteStartObject("app");
        switch (request.App)
        {
            case AppTarget.New app:
                json.WriteString("kind", "new");
                json.WriteString("displayName", app.DisplayName);
                break;
            case AppTarget.Existing app:
                json.WriteString("kind", "existing");
                json.WriteString("appId", app.AppId.ToString());
                break;
        }
        json.WriteEndObject();
        Strings(json, "presets", request.Presets.Select(p => p.Name));
        json.WriteStartArray("permissions");
        foreach (var permission in request.Permissions)
        {
            json.WriteStartObject();
            json.WriteString("resource", permission.Resource.DisplayName);
            json.WriteString("resourceAppId", permission.Resource.AppId);
            json.WriteString("name", permission.Name);
            json.WriteString("kind", Lower(permission.Kind));
            json.WriteString("catalogId", permission.Id.ToString());
            json.WriteBoolean("adminConsentRequired", permission.AdminConsentRequired);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("credential");
        switch (request.Credential)
        {
            case CredentialRequest.ClientSecret secret:
                json.WriteString("kind", "clientSecret");
                json.WriteNumber("lifetimeDays", secret.LifetimeDays);
                break;
            case CredentialRequest.Certificate certificate:
                json.WriteString("kind", "certificate");
                json.WriteNumber("lifetimeDays", certificate.LifetimeDays);
                break;
            case CredentialRequest.None:
                json.WriteString("kind", "none");
                break;
        }
        json.WriteEndObject();
        if (request.HasDelegatedPermissions) json.WriteString("delegatedFlow", DelegatedFlows.Name(request.DelegatedFlow));
        Strings(json, "mailboxes", request.Mailboxes);
        json.WriteBoolean("sendAs", request.SendAs);
        json.WriteStartObject("scoping");
        switch (request.Scoping)
        {
            case MailboxScoping.Rbac rbac:
                json.WriteString("kind", "rbac");
                json.WriteString("group", rbac.Group);
                break;
            case MailboxScoping.AccessPolicy policy:
                json.WriteString("kind", "access-policy");
                json.WriteString("group", policy.Group);
                break;
            default:
                json.WriteString("kind", "none");
                break;
        }
        json.WriteEndObject();
        WriteCloud(json, request.Cloud);
        json.WriteEndObject();
    }

    private static void WriteCloud(Utf8JsonWriter json, Cloud cloud)
    {
        json.WriteStartObject("cloud");
        json.WriteString("key", cloud.Key);
        json.WriteString("displayName", cloud.DisplayName);
        if (cloud.ExchangeEnvironmentName is null) json.WriteNull("exchangeEnvironmentName");
        else json.WriteString("exchangeEnvironmentName", cloud.ExchangeEnvironmentName);
        WriteFacts(json, "hosts", "name", [("login", cloud.Login), ("graph", cloud.Graph), ("exchange", cloud.Exchange), ("smtp", cloud.Smtp)]);
        WriteFacts(json, "scopes", "value", [("exchangeAppOnly", cloud.ExchangeScope), ("exchangeDelegatedPrefix", cloud.DelegatedPrefix)]);
        json.WriteEndObject();
    }

    /// <summary>Cloud facts by role, each with its value, whether Microsoft confirms it, and why not.</summary>
    private static void WriteFacts(Utf8JsonWriter json, string name, string valueName, IEnumerable<(string Role, CloudHost Fact)> facts)
    {
        json.WriteStartObject(name);
        foreach (var (role, fact) in facts)
        {
            json.WriteStartObject(role);
            json.WriteString(valueName, fact.Name);
            json.WriteBoolean("confirmed", fact.Confirmed);
            if (fact.Note is not null) json.WriteString("note", fact.Note);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void WriteStep(Utf8JsonWriter json, int number, PlanStep step)
    {
        json.WriteStartObject();
        json.WriteNumber("number", number);
        json.WriteString("key", step.Key);
        json.WriteString("target", Lower(step.Target));
        json.WriteString("action", Lower(step.Action));
        json.WriteString("title", step.Title);
        json.WriteString("why", step.Why);
        Strings(json, "consumes", step.Consumes.Select(r => r.Placeholder));
        Strings(json, "produces", step.Produces.Select(r => r.Placeholder));
        switch (step)
        {
            case GraphStep graph:
                WriteGraph(json, graph);
                WriteUndo(json, graph.Undo);
                break;
            case ExchangeStep exchange:
                WriteCmdlet(json, "cmdlet", exchange.Cmdlet);
                if (exchange.Probe is { } probe)
                {
                    json.WriteStartObject("probe");
                    WriteCmdlet(json, "cmdlet", probe.Query);
                    json.WriteStartArray("filters");
                    foreach (var filter in probe.Filters)
                    {
                        json.WriteStartObject();
                        json.WriteString("property", filter.Property);
                        json.WriteString("comparison", Lower(filter.Comparison));
                        json.WriteString("value", filter.Value);
                        json.WriteEndObject();
                    }
                    json.WriteEndArray();
                    json.WriteEndObject();
                }
                WriteCaptures(json, exchange.Captures);
                WriteUndo(json, exchange.Undo);
                break;
            case LocalStep local:
                json.WriteStartObject("settings");
                foreach (var (key, value) in local.Settings) json.WriteString(key, value);
                json.WriteEndObject();
                break;
        }
        json.WriteEndObject();
    }

    private static void WriteGraph(Utf8JsonWriter json, GraphStep step)
    {
        json.WritePropertyName("request");
        WritePreview(json, step.Preview);
        if (step.Probe is { } probe)
        {
            json.WriteStartObject("probe");
            json.WritePropertyName("request");
            WritePreview(json, probe.Preview);
            json.WriteString("collection", probe.Collection);
            json.WriteStartArray("matches");
            foreach (var match in probe.Matches)
            {
                json.WriteStartObject();
                json.WriteString("property", match.Property);
                json.WriteString("value", match.Value);
                if (match.Comparison != ProbeComparison.Equals)
                    json.WriteString("comparison", JsonNamingPolicy.CamelCase.ConvertName(match.Comparison.ToString()));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        if (step.ResultCollection is not null) json.WriteString("resultCollection", step.ResultCollection);
        if (step.Ownership is { } ownership)
        {
            json.WriteStartObject("ownership");
            json.WriteString("collection", ownership.Collection);
            json.WriteString("keyProperty", ownership.KeyProperty);
            json.WriteString("ownKey", ownership.OwnKey);
            json.WriteEndObject();
        }
        if (step.MergedLists.Count > 0) Strings(json, "mergedLists", step.MergedLists);
        WriteCaptures(json, step.Captures);
    }

    private static void WritePreview(Utf8JsonWriter json, GraphRequestPreview preview)
    {
        json.WriteStartObject();
        json.WriteString("method", preview.Method);
        json.WriteString("url", preview.Url);
        json.WriteStartObject("headers");
        foreach (var (name, value) in preview.Headers) json.WriteString(name, value);
        json.WriteEndObject();
        if (preview.Body is { } body)
        {
            json.WritePropertyName("body");
            using var document = JsonDocument.Parse(body);
            document.WriteTo(json);
        }
        json.WriteEndObject();
    }

    /// <summary>How rollback takes back what the step created; <c>{result.X}</c> is a property of the created object.</summary>
    private static void WriteUndo(Utf8JsonWriter json, StepUndo? undo)
    {
        if (undo is null) return;
        json.WriteStartObject("undo");
        if (undo.Cmdlet is { } cmdlet)
        {
            WriteCmdlet(json, "cmdlet", cmdlet);
        }
        else
        {
            json.WriteString("method", undo.GraphMethod);
            json.WriteString("path", undo.GraphPath);
            if (undo.GraphBody is not null) json.WriteString("body", undo.GraphBody);
        }
        json.WriteEndObject();
    }

    private static void WriteCmdlet(Utf8JsonWriter json, string property, Cmdlet cmdlet)
    {
        json.WriteStartObject(property);
        json.WriteString("name", cmdlet.Name);
        json.WriteStartArray("parameters");
        foreach (var parameter in cmdlet.Parameters)
        {
            json.WriteStartObject();
            json.WriteString("name", parameter.Name);
            switch (parameter.Value)
            {
                case null: json.WriteBoolean("switch", true); break;
                case bool flag: json.WriteBoolean("value", flag); break;
                case var value: json.WriteString("value", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)); break;
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCaptures(Utf8JsonWriter json, IReadOnlyList<ValueCapture> captures)
    {
        if (captures.Count == 0) return;
        json.WriteStartArray("captures");
        foreach (var capture in captures)
        {
            json.WriteStartObject();
            json.WriteString("reference", capture.Target.Placeholder);
            json.WriteString("path", capture.Path);
            if (capture.Fallback is not null) json.WriteString("fallback", capture.Fallback);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }
}
