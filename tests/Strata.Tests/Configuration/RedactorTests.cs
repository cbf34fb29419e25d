using System.Net;
using System.Text;
using System.Text.Json;
using Strata.Configuration;

namespace Strata.Tests.Configuration;

public sealed class RedactorTests
{
    [Fact]
    public void Masks_the_secret_and_its_encoded_forms()
    {
        const string secret = "p@ss w/rd+\"é'";
        var redactor = new Redactor();
        redactor.Add(secret);
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(secret));
        string[] forms =
        [
            secret,
            Uri.EscapeDataString(secret),
            Uri.EscapeDataString(secret).ToLowerInvariant(),
            WebUtility.UrlEncode(secret),
            base64,
            base64.TrimEnd('='),
            JsonSerializer.Serialize(secret).Trim('"'),
            JsonEncodedText.Encode(secret, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).Value,
            secret.Replace("\"", "\"\"", StringComparison.Ordinal),
        ];

        foreach (var form in forms)
        {
            redactor.Redact($"before {form} after").ShouldBe("before *** after", form);
        }
    }

    [Fact]
    public void Masks_every_occurrence_of_every_secret()
    {
        var redactor = new Redactor();
        redactor.Add("alpha-secret");
        redactor.Add("beta-secret");

        redactor.Redact("alpha-secret beta-secret alpha-secret").ShouldBe("*** *** ***");
    }

    [Fact]
    public void Ignores_null_and_empty_but_masks_short_secrets()
    {
        var redactor = new Redactor();
        redactor.Add(null);
        redactor.Add("");
        redactor.Redact("nothing to hide").ShouldBe("nothing to hide");

        redactor.Add("x7");
        redactor.Redact("a x7 b").ShouldBe("a *** b");
    }

    [Fact]
    public void A_short_password_is_masked_where_a_password_appears_never_in_the_url_scheme_or_inside_words()
    {
        var postgres = new Redactor();
        postgres.Add("postgres");
        var p = new Redactor();
        p.Add("p");

        postgres.Redact("Database postgres://postgres@127.0.0.1:5432/db").ShouldBe("Database postgres://***@127.0.0.1:5432/db");
        postgres.Redact("postgres://app:postgres@h/db; Host=h;Password=postgres;").ShouldBe("postgres://app:***@h/db; Host=h;Password=***;");
        postgres.Redact("the postgresql server and postgres_fdw").ShouldBe("the postgresql server and postgres_fdw");
        p.Redact("hint: percent-encode special characters in the password").ShouldBe("hint: percent-encode special characters in the password");
        p.Redact("postgres://app:p@h/db password='p'").ShouldBe("postgres://app:***@h/db password='***'");
    }

    [Fact]
    public void A_long_password_is_masked_even_inside_other_text()
    {
        var redactor = new Redactor();
        redactor.Add("Tr0ub4dor&3xyz");

        redactor.Redact("abcTr0ub4dor&3xyzdef").ShouldBe("abc***def");
    }

    [Fact]
    public void Prefers_the_longest_form_so_no_piece_survives()
    {
        var redactor = new Redactor();
        redactor.Add("abc");
        redactor.Add("abcdef");

        redactor.Redact("abcdef").ShouldBe("***");
    }

    [Fact]
    public void Masks_a_canary_inside_serialised_json()
    {
        var canary = Canary.Make(7);
        var redactor = new Redactor();
        redactor.Add(canary);

        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["error"] = "login failed for " + canary });

        redactor.Redact(json).ShouldNotLeak(canary);
    }

    [Fact]
    public void Is_safe_to_use_from_several_threads()
    {
        var redactor = new Redactor();
        var secrets = Enumerable.Range(0, 200).Select(i => $"secret-{i:D3}-value").ToArray();

        Parallel.For(0, secrets.Length, i =>
        {
            redactor.Add(secrets[i]);
            redactor.Redact("x " + secrets[i] + " y").ShouldBe("x *** y");
        });

        redactor.Redact(string.Join(' ', secrets)).ShouldBe(string.Join(' ', Enumerable.Repeat("***", secrets.Length)));
    }
}
