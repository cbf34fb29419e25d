using Strata.Configuration;
using Strata.Errors;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Connection;

/// <summary>PostgreSQL's URLs, and the values no dialect of the CLI's set accepts, through <see cref="DatabaseUrl.Parse"/>.</summary>
public sealed class DatabaseUrlTests
{
    private const string Base = "/work/project";

    [Theory]
    [InlineData("postgres://app:secret@db.example.com:5432/shop", "Host=db.example.com;Port=5432;Database=shop;Username=app;Password=secret", "postgres://app@db.example.com:5432/shop", "secret")]
    [InlineData("postgresql://db.example.com/shop", "Host=db.example.com;Database=shop", "postgres://db.example.com:5432/shop", null)]
    [InlineData("POSTGRES://app@db.example.com", "Host=db.example.com;Username=app", "postgres://app@db.example.com:5432", null)]
    [InlineData("postgres://app@[::1]:6543/shop", "Host=::1;Port=6543;Database=shop;Username=app", "postgres://app@[::1]:6543/shop", null)]
    [InlineData("postgres://[2001:db8::7]/shop", "Host=2001:db8::7;Database=shop", "postgres://[2001:db8::7]:5432/shop", null)]
    [InlineData("postgres://app@h1:5432,h2:5433/shop", "Host=h1:5432,h2:5433;Database=shop;Username=app", "postgres://app@h1:5432,h2:5433/shop", null)]
    [InlineData("postgres://[::1]:5432,[2001:db8::2],h3/db", "Host=[::1]:5432,[2001:db8::2]:5432,h3:5432;Database=db", "postgres://[::1]:5432,[2001:db8::2]:5432,h3:5432/db", null)]
    [InlineData("postgres://app:pw@h:5433", "Host=h;Port=5433;Username=app;Password=pw", "postgres://app@h:5433", "pw")]
    [InlineData("postgres:///shop", "Database=shop", "postgres:///shop", null)]
    [InlineData("postgres://app:@h/db", "Host=h;Database=db;Username=app", "postgres://app@h:5432/db", null)]
    public void Parses_postgres_urls(string url, string connectionString, string displayName, string? password)
    {
        var target = DatabaseUrl.Parse(url, Base, TestDialects.All);

        target.Dialect.ShouldBe(Dialect.PostgreSql);
        target.ConnectionString.ShouldBe(connectionString);
        target.DisplayName.ShouldBe(displayName);
        target.ToString().ShouldBe(displayName);
        target.Password.ShouldBe(password);
    }

    [Fact]
    public void Percent_decodes_user_password_and_database()
    {
        var target = DatabaseUrl.Parse("postgres://us%40er:p%40ss%3Aw%2Fo%25rd%20%C3%A9@h/d%20b", Base, TestDialects.All);

        var keywords = ConnectionKeywords.Of(target);
        keywords["Username"].ShouldBe("us@er");
        keywords["Password"].ShouldBe("p@ss:w/o%rd é");
        keywords["Database"].ShouldBe("d b");
        target.Password.ShouldBe("p@ss:w/o%rd é");
        target.DisplayName.ShouldBe("postgres://us%40er@h:5432/d%20b");
    }

    [Fact]
    public void Tolerates_unencoded_at_colon_and_slash_in_the_password()
    {
        var target = DatabaseUrl.Parse("postgres://app:a@b:c/d@db.example.com:5432/shop", Base, TestDialects.All);

        target.Password.ShouldBe("a@b:c/d");
        target.DisplayName.ShouldBe("postgres://app@db.example.com:5432/shop");
    }

    [Fact]
    public void Maps_query_parameters_to_npgsql_keywords()
    {
        var target = DatabaseUrl.Parse(
            "postgres://app@h1,h2/shop?sslmode=verify-full&application_name=strata%20cli&connect_timeout=5"
            + "&options=-c%20statement_timeout%3D5000&target_session_attrs=read-write&sslrootcert=/etc/ca.pem"
            + "&sslcert=/etc/c.pem&sslkey=/etc/k.pem&search_path=app,public&keepalives=1&keepalives_idle=30"
            + "&keepalives_interval=10&client_encoding=UTF8&passfile=/home/app/.pgpass&load_balance_hosts=random"
            + "&channel_binding=require&gssencmode=disable&krbsrvname=postgres&sslnegotiation=direct",
            Base, TestDialects.All);

        var keywords = ConnectionKeywords.Of(target);
        keywords["SSL Mode"].ShouldBe("VerifyFull");
        keywords["Application Name"].ShouldBe("strata cli");
        keywords["Timeout"].ShouldBe("5");
        keywords["Options"].ShouldBe("-c statement_timeout=5000");
        keywords["Target Session Attributes"].ShouldBe("read-write");
        keywords["Root Certificate"].ShouldBe("/etc/ca.pem");
        keywords["SSL Certificate"].ShouldBe("/etc/c.pem");
        keywords["SSL Key"].ShouldBe("/etc/k.pem");
        keywords["Search Path"].ShouldBe("app,public");
        keywords["TCP Keepalive"].ShouldBe("true");
        keywords["TCP Keepalive Time"].ShouldBe("30");
        keywords["TCP Keepalive Interval"].ShouldBe("10");
        keywords["Client Encoding"].ShouldBe("UTF8");
        keywords["Passfile"].ShouldBe("/home/app/.pgpass");
        keywords["Load Balance Hosts"].ShouldBe("true");
        keywords["Channel Binding"].ShouldBe("Require");
        keywords["GSS Encryption Mode"].ShouldBe("Disable");
        keywords["Kerberos Service Name"].ShouldBe("postgres");
        keywords["SSL Negotiation"].ShouldBe("Direct");
        keywords["Host"].ShouldBe("h1:5432,h2:5432");
    }

    [Theory]
    [InlineData("disable", "Disable")]
    [InlineData("allow", "Allow")]
    [InlineData("prefer", "Prefer")]
    [InlineData("require", "Require")]
    [InlineData("verify-ca", "VerifyCA")]
    [InlineData("verify-full", "VerifyFull")]
    public void Maps_every_sslmode(string libpq, string npgsql) =>
        ConnectionKeywords.Of(DatabaseUrl.Parse($"postgres://h/db?sslmode={libpq}", Base, TestDialects.All))["SSL Mode"].ShouldBe(npgsql);

    [Fact]
    public void Reads_socket_folders_and_host_and_port_lists_from_the_query()
    {
        var socket = DatabaseUrl.Parse("postgres://app@%2Fvar%2Frun%2Fpostgresql/shop", Base, TestDialects.All);
        ConnectionKeywords.Of(socket)["Host"].ShouldBe("/var/run/postgresql");
        socket.DisplayName.ShouldBe("postgres://app@%2Fvar%2Frun%2Fpostgresql:5432/shop");

        ConnectionKeywords.Of(DatabaseUrl.Parse("postgres:///shop?host=/tmp", Base, TestDialects.All))["Host"].ShouldBe("/tmp");
        ConnectionKeywords.Of(DatabaseUrl.Parse("postgres:///db?host=h1,h2&port=5432,5433", Base, TestDialects.All))["Host"].ShouldBe("h1:5432,h2:5433");
        ConnectionKeywords.Of(DatabaseUrl.Parse("postgres://h/x?dbname=other&user=u&password=p%26q", Base, TestDialects.All))["Password"].ShouldBe("p&q");
    }

    [Theory]
    [InlineData("postgres://h:99999/db", "port")]
    [InlineData("postgres://h:0/db", "port")]
    [InlineData("postgres://h:abc/db", "port")]
    [InlineData("postgres://::1/db", "IPv6")]
    [InlineData("postgres://[::1/db", "IPv6")]
    [InlineData("postgres://h1,,h2/db", "empty")]
    [InlineData("postgres://h/db?sslmode=requir", "sslmode")]
    [InlineData("postgres://h/db?connect_timeout=soon", "connect_timeout")]
    [InlineData("postgres://h/db?sslmode", "without a value")]
    [InlineData("postgres://h/db?colour=blue", "'colour'")]
    [InlineData("postgres://h/db?target_session_attrs=primary", "single host")]
    [InlineData("postgres:///db?host=h1,h2&port=1,2,3", "2 host(s) but 3 ports")]
    [InlineData("postgres://u:p%zz@h/db", "password")]
    [InlineData("postgres://u%ff@h/db", "user name")]
    [InlineData("mysql://app:pw@h/db", "'mysql'")]
    [InlineData("", "empty")]
    [InlineData("just some words", "not a URL")]
    [InlineData("Data Source=app.db", "SQLite")]
    [InlineData("Host=h;Password", "keyword string")]
    [InlineData("Host=h;SSL Mode=sometimes", "SSL Mode")]
    [InlineData("Host=h;Port=65536", "port")]
    public void Rejects_malformed_values_with_a_message_naming_the_part(string value, string expected)
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse(value, Base, TestDialects.All));

        error.Message.ShouldContain(expected);
        error.Hint.ShouldNotBeNullOrWhiteSpace();
        error.Category.ShouldBe(ErrorCategory.BadInput);
    }

    [Fact]
    public void An_unknown_scheme_lists_the_forms_of_both_dialects_as_before_the_move()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("mysql://app:pw@h/db", Base, TestDialects.All));

        error.Message.ShouldBe("the database URL scheme 'mysql' is not supported");
        error.Hint.ShouldBe("use postgres://user:password@host:5432/database, an Npgsql keyword string (Host=…;Database=…;Username=…), "
            + "or sqlite:path/to/app.db; percent-encode special characters in the password (@ as %40, : as %3A, / as %2F, % as %25)");
        Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("just some words", Base, TestDialects.All)).Message
            .ShouldBe("the database value is not a URL, a keyword connection string or a SQLite file path");
    }

    [Fact]
    public void Does_not_quote_a_password_in_an_unknown_parameter_message()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("postgres://u:hunter22@h/db?hunter22=x", Base, TestDialects.All));

        error.Message.ShouldNotContain("hunter");
    }

    [Fact]
    public void Hides_query_names_when_the_query_holds_an_at_sign()
    {
        var error = Should.Throw<ConfigurationException>(() => DatabaseUrl.Parse("postgres://u:123?topsecret=1@h/db", Base, TestDialects.All));

        error.Message.ShouldNotContain("topsecret");
    }
}
