using Strata.Configuration;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Connection;

/// <summary>PostgreSQL's keyword strings (Npgsql's and libpq's), through the dispatch of <see cref="DatabaseUrl.Parse"/>.</summary>
public sealed class KeywordStringTests
{
    private const string Base = "/work/project";

    [Fact]
    public void Normalises_npgsql_synonyms_to_canonical_keywords()
    {
        var target = DatabaseUrl.Parse("Server=db.example.com;User Id=app;PWD=s3cret;DB=shop;SslMode=verify-full;Pooling=false", Base, TestDialects.All);

        target.ConnectionString.ShouldBe("Host=db.example.com;Database=shop;Username=app;Password=s3cret;SSL Mode=VerifyFull;pooling=false");
        target.DisplayName.ShouldBe("postgres://app@db.example.com:5432/shop");
        target.Password.ShouldBe("s3cret");
    }

    [Fact]
    public void Keeps_quoted_npgsql_values_and_per_host_ports()
    {
        var target = DatabaseUrl.Parse("Host=h1:5432,[::1]:5433;Port=6000;Username=app;Password=\"a;b\"\"c\"", Base, TestDialects.All);

        var keywords = ConnectionKeywords.Of(target);
        keywords["Host"].ShouldBe("h1:5432,[::1]:5433");
        keywords["Password"].ShouldBe("a;b\"c");
        target.Password.ShouldBe("a;b\"c");
        target.DisplayName.ShouldBe("postgres://app@h1:5432,[::1]:5433");
    }

    [Fact]
    public void Accepts_a_bare_ipv6_host_in_an_npgsql_string() =>
        ConnectionKeywords.Of(DatabaseUrl.Parse("Host=::1;Port=5433", Base, TestDialects.All))["Host"].ShouldBe("::1");

    [Fact]
    public void Translates_libpq_names_inside_an_npgsql_string()
    {
        var target = DatabaseUrl.Parse("host=h;dbname=shop;user=app;application_name=x;sslmode=require", Base, TestDialects.All);

        target.ConnectionString.ShouldBe("Host=h;Database=shop;Username=app;Application Name=x;SSL Mode=Require");
    }

    [Fact]
    public void Parses_a_libpq_keyword_string()
    {
        var target = DatabaseUrl.Parse(@"host=db.example.com port=5433 dbname=shop user=app password='it\'s a \\ secret' sslmode=verify-ca", Base, TestDialects.All);

        var keywords = ConnectionKeywords.Of(target);
        keywords["Host"].ShouldBe("db.example.com");
        keywords["Port"].ShouldBe("5433");
        keywords["Database"].ShouldBe("shop");
        keywords["Username"].ShouldBe("app");
        keywords["Password"].ShouldBe(@"it's a \ secret");
        keywords["SSL Mode"].ShouldBe("VerifyCA");
        target.Password.ShouldBe(@"it's a \ secret");
        target.DisplayName.ShouldBe("postgres://app@db.example.com:5433/shop");
    }

    [Fact]
    public void Parses_libpq_host_lists_regardless_of_order()
    {
        var target = DatabaseUrl.Parse("port=5432,5433 host=h1,h2 target_session_attrs=primary", Base, TestDialects.All);

        var keywords = ConnectionKeywords.Of(target);
        keywords["Host"].ShouldBe("h1:5432,h2:5433");
        keywords["Target Session Attributes"].ShouldBe("primary");
    }

    [Fact]
    public void Passes_other_npgsql_keywords_through_but_rejects_keys_that_are_not_names()
    {
        DatabaseUrl.Parse("Host=h;Include Error Detail=true", Base, TestDialects.All).ConnectionString.ShouldBe("Host=h;include error detail=true");

        Should.Throw<Strata.Errors.ConfigurationException>(() => DatabaseUrl.Parse("Host=h;Password=a;b@c=d", Base, TestDialects.All))
            .Message.ShouldContain("not a name");
    }
}
